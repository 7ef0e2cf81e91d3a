package org.libreconnect.master.route;

/** Where the answers to one client command go: a WebSocket or an HTTP response. */
public interface ReplySink {
  /**
   * Sends one JS2 frame.
   *
   * @param last whether nothing more will be sent for this command
   */
  void send(String json, boolean last);

  /** Whether this transport can carry several frames (monitoring commands). */
  boolean supportsStreaming();

  /** A persistent command is over: end the transport cleanly (after its last frame). */
  void endStream();

  /** Runs {@code action} once when the client goes away. */
  void onClose(Runnable action);
}
