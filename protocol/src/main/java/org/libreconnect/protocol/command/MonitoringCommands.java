package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Frames pushed on persistent monitoring sockets. */
public final class MonitoringCommands {
  private MonitoringCommands() {}

  /** What {@code hl_startDummyMonitoring} pushes every second (the key has no type prefix). */
  public record DummyEvent(@JsonProperty("sMessage") String message) {
    public static final DummyEvent TEST = new DummyEvent("Test");
  }
}
