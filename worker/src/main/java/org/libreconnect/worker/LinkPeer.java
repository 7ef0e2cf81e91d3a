package org.libreconnect.worker;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import org.libreconnect.protocol.link.LinkFrame;

/** The worker's end of the master link: a TCP socket in production, queues in tests. */
public interface LinkPeer extends Closeable {

  /** Sends one frame; safe to call from any thread, frames are never interleaved. */
  void send(LinkFrame frame) throws IOException;

  /**
   * Blocks until the master sends a frame; only the link reader thread calls it.
   *
   * @throws EOFException when the master closed the link
   */
  LinkFrame receive() throws IOException;
}
