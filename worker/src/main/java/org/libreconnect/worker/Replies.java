package org.libreconnect.worker;

import java.io.IOException;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.protocol.error.MessageTooLargeException;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;
import org.libreconnect.protocol.link.LinkFrameTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the frames that answer a request: JS2 answers in REPLY and FINAL frames. */
final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  private final LinkPeer peer;
  private final WireJson wire;
  private final WorkerErrors errors;

  Replies(LinkPeer peer, WireJson wire, WorkerErrors errors) {
    this.peer = peer;
    this.wire = wire;
    this.errors = errors;
  }

  /** The last frame for {@code request}: {@code s_status} OK plus the answer's fields. */
  void ok(LinkFrame request, Object answer) {
    send(Kind.FINAL, request, wire.ok(answer));
  }

  /**
   * One more frame for a persistent request: {@code s_status} OK plus the event's fields.
   *
   * @return false when the frame could not go out, and the stream must end
   */
  boolean event(LinkFrame request, Object event) {
    return send(Kind.REPLY, request, wire.ok(event));
  }

  /** The last frame for {@code request}: the JS2 error answer for {@code failure}. */
  ErrorAnswer error(LinkFrame request, String commandName, Throwable failure) {
    ErrorAnswer answer = errors.toAnswer(failure, commandName);
    send(Kind.FINAL, request, wire.error(answer));
    return answer;
  }

  private boolean send(Kind kind, LinkFrame request, String payload) {
    try {
      peer.send(new LinkFrame(kind, request.id(), request.sessionId(), payload));
      return true;
    } catch (LinkFrameTooLargeException e) {
      log.warn("link.answer.too.large id={} chars={}", request.id(), payload.length());
      ErrorAnswer tooLarge =
          errors.toAnswer(
              new MessageTooLargeException("The answer is larger than the connector can send"),
              null);
      trySend(new LinkFrame(Kind.FINAL, request.id(), request.sessionId(), wire.error(tooLarge)));
      return false;
    } catch (IOException e) {
      // The reader sees the broken link too and ends the process.
      log.warn("link.write.failed id={} reason={}", request.id(), e.toString());
      return false;
    }
  }

  private void trySend(LinkFrame frame) {
    try {
      peer.send(frame);
    } catch (IOException e) {
      log.warn("link.write.failed id={} reason={}", frame.id(), e.toString());
    }
  }
}
