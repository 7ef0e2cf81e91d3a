package org.libreconnect.runtime;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes a process's log events on a thread of its own, so that a thread that logs (a Netty
 * event loop, the card thread) never waits for a file. Nothing is dropped: when the queue is full
 * the logging thread waits for room; once the process begins to stop ({@link #writeDirectly},
 * from a shutdown hook) what is queued is written and every later event is written by the thread
 * that logs it, so the lines of other shutdown hooks are kept too. What a crash ({@code kill -9},
 * {@link Runtime#halt}) finds in the queue is lost: a few milliseconds of lines at most.
 *
 * <p>One thread writes, in the order the events were queued; {@link #flush} waits until what was
 * logged before it is in the files, for a reader in the same process (a log tail command).
 */
final class BackgroundLogWriter extends UnsynchronizedAppenderBase<ILoggingEvent> {
  /** Events waiting at most; a logging thread waits beyond. */
  static final int QUEUE_CAPACITY = 8192;

  /** How long a stop waits for the writing thread to finish the event it holds. */
  static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private static final ILoggingEvent STOP = new LoggingEvent();

  private final BlockingQueue<ILoggingEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AppenderAttachableImpl<ILoggingEvent> targets = new AppenderAttachableImpl<>();
  /** Held while delivering: one thread writes at a time, in queue order. */
  private final ReentrantLock writing = new ReentrantLock();
  /** Notified at each event written, for {@link #flush}; never held while writing. */
  private final Object progress = new Object();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private volatile boolean direct;
  private volatile Thread thread;

  /** Adds an appender that receives every event, on the writing thread. */
  void addTarget(Appender<ILoggingEvent> target) {
    targets.addAppender(target);
  }

  void removeTarget(Appender<ILoggingEvent> target) {
    targets.detachAppender(target);
  }

  boolean hasTarget(Appender<ILoggingEvent> target) {
    return targets.isAttached(target);
  }

  @Override
  public void start() {
    Thread writer = Thread.ofPlatform().name("log-writer").daemon(true).unstarted(this::run);
    thread = writer;
    super.start();
    writer.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing();
    accepted.incrementAndGet();
    if (direct || Thread.currentThread() == thread) {
      write(event);
      return;
    }
    try {
      while (!queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
        Thread writer = thread;
        if (direct || writer == null || !writer.isAlive()) {
          write(event); // no thread left to make room: never wait for ever
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      write(event);
      return;
    }
    if (direct) {
      write(null); // the writing thread may be gone: write what is queued here
    }
  }

  /**
   * Waits until every event logged before this call is written, at most {@code limit}.
   *
   * @return whether they all were
   */
  boolean flush(Duration limit) {
    long target = accepted.get();
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (progress) {
      while (written.get() < target && !direct) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    if (direct) {
      write(null);
    }
    return true;
  }

  /**
   * From now on, the thread that logs an event writes it; what is queued is written first. Waits
   * up to {@code limit} for the writing thread to finish the event it holds.
   */
  void writeDirectly(Duration limit) {
    direct = true;
    Thread writer = thread;
    if (writer != null && writer != Thread.currentThread()) {
      queue.offer(STOP); // when full, the writer sees the flag after its batch
      try {
        writer.join(limit.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    write(null);
  }

  /** Writes what is queued, then {@code event} when not null, in the caller's thread. */
  private void write(ILoggingEvent event) {
    writing.lock();
    try {
      drainQueue();
      if (event != null) {
        deliver(event);
      }
    } finally {
      writing.unlock();
    }
  }

  private void drainQueue() {
    for (ILoggingEvent queued = queue.poll(); queued != null; queued = queue.poll()) {
      if (queued != STOP) {
        deliver(queued);
      }
    }
  }

  private void deliver(ILoggingEvent event) {
    try {
      targets.appendLoopOnAppenders(event);
    } catch (Throwable failure) { // an appender's Error must not end the only writing thread
      addError("a log line could not be written", failure);
    }
    written.incrementAndGet();
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  private void run() {
    while (!direct) {
      ILoggingEvent event;
      try {
        event = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (event == STOP) {
        return;
      }
      writing.lock();
      try {
        deliver(event);
        for (ILoggingEvent next = queue.poll(); next != null && next != STOP; next = queue.poll()) {
          deliver(next);
        }
      } finally {
        writing.unlock();
      }
    }
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    writeDirectly(STOP_WAIT);
    super.stop();
    targets.detachAndStopAllAppenders();
  }
}
