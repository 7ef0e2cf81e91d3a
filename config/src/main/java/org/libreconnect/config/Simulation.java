package org.libreconnect.config;

/**
 * The {@code <simulation>} section.
 *
 * @param enabled whether workers use the simulated card and DMP instead of real ones
 */
public record Simulation(boolean enabled) {

  public static Simulation defaults() {
    return new Simulation(false);
  }
}
