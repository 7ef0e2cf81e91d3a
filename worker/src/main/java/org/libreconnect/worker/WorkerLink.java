package org.libreconnect.worker;

import java.io.EOFException;
import java.io.IOException;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages;
import org.libreconnect.protocol.link.LinkMessages.Bare;
import org.libreconnect.protocol.link.LinkMessages.Hello;
import org.libreconnect.protocol.link.MalformedLinkFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of the master link: says hello, then reads frames on its own thread and hands
 * them to the dispatcher. When the link ends, for whatever reason, the process ends.
 */
public final class WorkerLink {
  private static final Logger log = LoggerFactory.getLogger(WorkerLink.class);

  private final LinkPeer peer;
  private final RequestDispatcher dispatcher;
  private final WireJson wire;
  private final ProcessExit exit;

  public WorkerLink(LinkPeer peer, RequestDispatcher dispatcher, WireJson wire, ProcessExit exit) {
    this.peer = peer;
    this.dispatcher = dispatcher;
    this.wire = wire;
    this.exit = exit;
  }

  /** Sends the HELLO frame that proves to the master this worker is its own. */
  public void sendHello(String token, long pid) throws IOException {
    Hello hello = new Hello(token, pid, ProductVersion.current());
    peer.send(new LinkFrame(LinkFrame.Kind.HELLO, 0, "", wire.write(hello)));
    log.info("link.hello pid={} version={}", pid, hello.version());
  }

  /**
   * Tells the master this worker rehearsed ({@link LinkMessages#REHEARSED}); a link that failed
   * meanwhile is the reader's to report.
   */
  public void sendRehearsed() {
    try {
      peer.send(new LinkFrame(LinkFrame.Kind.REQUEST, 0, "", wire.write(new Bare(LinkMessages.REHEARSED))));
    } catch (IOException e) {
      log.debug("link.rehearsed.unsent error={}", e.toString());
    }
  }

  /** Starts the reader thread. */
  public Thread start() {
    return Thread.ofPlatform().name("link-reader").start(this::readLoop);
  }

  /** Reads frames until the link ends, then exits the process with status 0. */
  void readLoop() {
    try {
      while (true) {
        dispatcher.dispatch(peer.receive());
      }
    } catch (EOFException e) {
      log.info("worker.exit reason=\"the master closed the link\"");
    } catch (IOException | MalformedLinkFrameException e) {
      log.warn("worker.exit reason=\"the link failed\" error={}", e.toString());
    } finally {
      closeQuietly();
      exit.exit(0);
    }
  }

  private void closeQuietly() {
    try {
      peer.close();
    } catch (IOException e) {
      log.debug("link.close.failed error={}", e.toString());
    }
  }
}
