package org.libreconnect.worker;

import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.protocol.link.LinkFrame;

/** A master link held in memory: the test plays the master. */
public final class InMemoryLinkPeer implements LinkPeer {
  private static final LinkFrame END = new LinkFrame(LinkFrame.Kind.CANCEL, -1, "", "end");

  private final BlockingQueue<LinkFrame> fromMaster = new LinkedBlockingQueue<>();
  private final List<LinkFrame> sent = new ArrayList<>();
  private final LinkCodec codec;

  /** A link that accepts frames of any size. */
  public InMemoryLinkPeer() {
    this(null);
  }

  /** A link that refuses, as the socket link does, frames that {@code codec} cannot encode. */
  public InMemoryLinkPeer(LinkCodec codec) {
    this.codec = codec;
  }

  /** The master sends {@code frame}; {@link #receive()} returns it. */
  public void deliver(LinkFrame frame) {
    fromMaster.add(frame);
  }

  /** The master closes the link; {@link #receive()} then throws {@link EOFException}. */
  public void endOfStream() {
    fromMaster.add(END);
  }

  @Override
  public synchronized void send(LinkFrame frame) {
    if (codec != null) {
      codec.encodeBody(frame);
    }
    sent.add(frame);
    notifyAll();
  }

  @Override
  public LinkFrame receive() throws IOException {
    try {
      LinkFrame frame = fromMaster.take();
      if (frame == END) {
        throw new EOFException("the master closed the link");
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {}

  /** Every frame the worker sent so far, in order. */
  public synchronized List<LinkFrame> sent() {
    return List.copyOf(sent);
  }

  /** The frames the worker sent that match, in order. */
  public synchronized List<LinkFrame> sent(Predicate<LinkFrame> filter) {
    return sent.stream().filter(filter).toList();
  }

  /**
   * Waits until {@code count} sent frames match {@code filter}, and returns the matching frames.
   *
   * @throws AssertionError when they did not come within {@code timeout}
   */
  public synchronized List<LinkFrame> await(
      Predicate<LinkFrame> filter, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<LinkFrame> matching = sent(filter);
      if (matching.size() >= count) {
        return matching;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "expected " + count + " frames, got " + matching.size() + ": " + matching);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
