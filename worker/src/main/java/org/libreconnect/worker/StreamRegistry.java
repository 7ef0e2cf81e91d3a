package org.libreconnect.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.libreconnect.protocol.link.LinkFrame;

/** The persistent commands in progress, by request id. */
final class StreamRegistry {
  private final Map<Long, ActiveStream> streams = new ConcurrentHashMap<>();
  private final Replies replies;

  StreamRegistry(Replies replies) {
    this.replies = replies;
  }

  /** Records a persistent request as soon as it arrives, before its handler runs. */
  ActiveStream register(LinkFrame request, String commandName, String sessionId) {
    ActiveStream stream =
        new ActiveStream(
            request, commandName, sessionId, replies, ended -> streams.remove(ended.id(), ended));
    streams.put(request.id(), stream);
    return stream;
  }

  /** Stops the stream of request {@code id}, if any (a CANCEL frame). */
  void cancel(long id) {
    ActiveStream stream = streams.get(id);
    if (stream != null) {
      stream.stop();
    }
  }

  /** Stops every stream of a session (the session was closed). */
  void stopSession(String sessionId) {
    List<ActiveStream> ofSession =
        streams.values().stream().filter(s -> s.sessionId().equals(sessionId)).toList();
    // The client learns why its monitoring ended: a final error frame, then the master closes
    // the socket.
    ofSession.forEach(
        stream ->
            stream.fail(
                new org.libreconnect.protocol.error.InvalidSessionException(
                    "The session was closed; monitoring stopped")));
  }

  int size() {
    return streams.size();
  }
}
