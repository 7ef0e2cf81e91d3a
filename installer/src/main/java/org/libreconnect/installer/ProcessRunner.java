package org.libreconnect.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs an external program with an explicit argument list (no shell) and collects its output. */
public final class ProcessRunner {
  private static final long TIMEOUT_SECONDS = 120;

  /** What a finished program left: its exit code and its standard output and error, merged. */
  public record Result(int exitCode, String output) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /**
   * Runs {@code command} and waits for it.
   *
   * @param hint added to the error when the program is not installed, e.g. the package to install
   * @throws InstallerException when the program cannot be started or does not end in time
   */
  public Result run(List<String> command, String hint) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new InstallerException(
          "cannot run " + command.get(0) + (hint == null ? "" : " (" + hint + ")") + ": " + e.getMessage(), e);
    }
    FutureTask<byte[]> output = new FutureTask<>(() -> process.getInputStream().readAllBytes());
    Thread.ofVirtual().name("output-" + command.get(0)).start(output);
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new InstallerException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      byte[] text = output.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new Result(process.exitValue(), new String(text, StandardCharsets.UTF_8).strip());
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new InstallerException("cannot read the output of " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InstallerException("interrupted while running " + command.get(0), e);
    }
  }

  /** Runs {@code command} and fails with its output when it exits with another code than 0. */
  public Result require(List<String> command, String hint) {
    Result result = run(command, hint);
    if (!result.succeeded()) {
      throw new InstallerException(
          String.join(" ", command) + " failed (exit code " + result.exitCode() + ")"
              + (result.output().isEmpty() ? "" : ": " + result.output()));
    }
    return result;
  }
}
