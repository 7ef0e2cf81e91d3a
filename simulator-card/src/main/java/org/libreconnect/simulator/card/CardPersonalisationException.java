package org.libreconnect.simulator.card;

/** Thrown when the simulated card refuses a personalisation command. */
public final class CardPersonalisationException extends RuntimeException {
  CardPersonalisationException(String message) {
    super(message);
  }
}
