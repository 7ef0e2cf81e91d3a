package org.libreconnect.protocol.link;

import java.util.Objects;

/**
 * One message on the internal master-worker link. The payload is JSON text: a client command
 * as received, a JS2 answer as the client will see it, or one of the {@link LinkMessages}.
 *
 * @param kind what the frame does
 * @param id correlates a {@link Kind#REQUEST} with its replies; 0 for {@link Kind#HELLO}
 * @param sessionId the JS2 session the frame belongs to, or empty
 * @param payload JSON text, possibly empty
 */
public record LinkFrame(Kind kind, long id, String sessionId, String payload) {

  /** The kinds of frame. */
  public enum Kind {
    /** worker → master, first frame: proves the worker was started by this master. */
    HELLO,
    /** master → worker: a client command or a link command to serve. */
    REQUEST,
    /** worker → master: one frame for the client; more frames follow (persistent commands). */
    REPLY,
    /** worker → master: the last frame for this request. */
    FINAL,
    /** master → worker: the client is gone; stop a persistent command. */
    CANCEL
  }

  public LinkFrame {
    Objects.requireNonNull(kind, "kind");
    sessionId = sessionId == null ? "" : sessionId;
    payload = payload == null ? "" : payload;
  }

  @Override
  public String toString() {
    // Never print the payload: it may hold a PIN or a document.
    return "LinkFrame[" + kind + " #" + id + ", " + payload.length() + " chars]";
  }
}
