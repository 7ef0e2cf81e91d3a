package org.libreconnect.testsupport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code scripts/card-stack.sh} for integration tests: starts pcscd when none runs and stops
 * only the one it started; can also restart it (only one it started). pcscd and the vpcd ports are machine-wide, so the test classes of
 * concurrent builds on one machine take turns: {@link #startPcscd()} first takes an exclusive lock
 * on {@code <java.io.tmpdir>/libreconnect-card-stack.lock}, {@link #stopPcscd()} releases it.
 */
public final class CardStack {
  private static final int ALREADY_RUNNING = 3;
  private static final Duration LOCK_PATIENCE = Duration.ofMinutes(5);

  private final Path script;
  private final Path state;
  private final Path lockFile =
      Path.of(System.getProperty("java.io.tmpdir"), "libreconnect-card-stack.lock");
  private FileChannel lockChannel;
  private FileLock lock;
  private boolean started;

  /**
   * A stack driven by the script named by the system property {@code libreconnect.cardStackScript}
   * (default {@code ../scripts/card-stack.sh}), keeping its state under {@code
   * libreconnect.cardStackState} (default {@code target/card-stack}).
   */
  public CardStack() {
    this.script =
        Path.of(System.getProperty("libreconnect.cardStackScript", "../scripts/card-stack.sh"));
    this.state = Path.of(System.getProperty("libreconnect.cardStackState", "target/card-stack"));
  }

  /** Starts pcscd, or reuses one that already runs (and will then leave it running). */
  public void startPcscd() throws IOException, InterruptedException {
    takeTurn();
    Result result = run("start-pcscd");
    if (result.status() == 0) {
      started = true;
    } else if (result.status() != ALREADY_RUNNING) {
      throw new IllegalStateException(
          "card-stack.sh start-pcscd failed (" + result.status() + "): " + result.output());
    }
  }

  public boolean startedPcscd() {
    return started;
  }

  public void stopPcscd() throws IOException, InterruptedException {
    try {
      if (started) {
        Result result = run("stop-pcscd");
        started = false;
        if (result.status() != 0) {
          throw new IllegalStateException("card-stack.sh stop-pcscd failed: " + result.output());
        }
      }
    } finally {
      if (lock != null) {
        lock.release();
        lockChannel.close();
        lock = null;
      }
    }
  }

  /**
   * Stops and starts again the pcscd this stack started, as an administrator or an update would;
   * the turn is kept.
   *
   * @throws IllegalStateException when this stack did not start the running pcscd
   */
  public void restartPcscd() throws IOException, InterruptedException {
    if (!started) {
      throw new IllegalStateException("this stack did not start pcscd: it will not restart it");
    }
    Result stopped = run("stop-pcscd");
    if (stopped.status() != 0) {
      throw new IllegalStateException("card-stack.sh stop-pcscd failed: " + stopped.output());
    }
    Result again = run("start-pcscd");
    if (again.status() != 0) {
      started = false;
      throw new IllegalStateException("card-stack.sh start-pcscd failed: " + again.output());
    }
  }

  private void takeTurn() throws IOException, InterruptedException {
    lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + LOCK_PATIENCE.toNanos();
    while ((lock = lockChannel.tryLock()) == null) {
      if (System.nanoTime() > deadline) {
        lockChannel.close();
        throw new IllegalStateException(
            "another build has held " + lockFile + " for " + LOCK_PATIENCE);
      }
      Thread.sleep(200);
    }
  }

  public Path state() {
    return state;
  }

  public Result run(String... arguments) throws IOException, InterruptedException {
    Files.createDirectories(state);
    Path output = Files.createTempFile(state, "card-stack", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command(arguments))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("CARD_STACK_STATE", state.toAbsolutePath().toString());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "card-stack.sh " + String.join(" ", arguments) + " did not finish");
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    return new Result(process.exitValue(), text);
  }

  private List<String> command(String... arguments) {
    List<String> command =
        new java.util.ArrayList<>(List.of("bash", script.toAbsolutePath().toString()));
    command.addAll(List.of(arguments));
    return command;
  }

  /** The script's exit status and output. */
  public record Result(int status, String output) {}
}
