package org.libreconnect.worker;

import java.util.Objects;

/**
 * The events of a persistent command that its source pushes when they happen, such as card
 * insertions: nothing polls. {@code starter} runs once, after the acknowledgement went out; the
 * handle it returns is closed when the stream ends (socket closed, session closed, failure).
 */
public record PushedEvents(Starter starter) implements StreamEvents {

  /** Starts the source. */
  @FunctionalInterface
  public interface Starter {
    /** Begins pushing to {@code sink}; the returned handle stops the source. */
    AutoCloseable start(Sink sink);
  }

  /** Where a source pushes; safe from any thread. */
  public interface Sink {
    /**
     * Sends {@code event} with {@code s_status} OK.
     *
     * @return false once the stream has ended: the source should stop
     */
    boolean push(Object event);

    /** Ends the stream with an error answer. */
    void fail(Throwable failure);
  }

  public PushedEvents {
    Objects.requireNonNull(starter, "starter");
  }
}
