package org.libreconnect.master.worker;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/** A process that exists only in the test: its exit is whatever the test says. */
public final class FakeProcess extends Process {
  private static long nextPid = 90_000;
  private final long pid = nextPid++;
  private final CompletableFuture<Process> exit = new CompletableFuture<>();
  private volatile int status = -1;

  /** Ends the process with {@code status}. */
  public void exit(int exitStatus) {
    status = exitStatus;
    exit.complete(this);
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public CompletableFuture<Process> onExit() {
    return exit;
  }

  @Override
  public OutputStream getOutputStream() {
    return OutputStream.nullOutputStream();
  }

  @Override
  public InputStream getInputStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public int waitFor() throws InterruptedException {
    try {
      exit.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
    return status;
  }

  @Override
  public int exitValue() {
    if (!exit.isDone()) {
      throw new IllegalThreadStateException("running");
    }
    return status;
  }

  @Override
  public void destroy() {
    exit(143);
  }

  @Override
  public Process destroyForcibly() {
    exit(137);
    return this;
  }
}
