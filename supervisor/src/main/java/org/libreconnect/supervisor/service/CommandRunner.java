package org.libreconnect.supervisor.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a service manager's command line with a deadline. Tests replace it to record calls. */
public interface CommandRunner {

  /** Exit status and combined output; status -1 when the command could not run or timed out. */
  record Result(int status, String output) {}

  Result run(List<String> command);

  /** Runs real processes, killed when they pass {@code deadline}. */
  static CommandRunner processes(Duration deadline) {
    return command -> {
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          return new Result(-1, "no answer within " + deadline.toSeconds() + " s");
        }
        String output = new String(process.getInputStream().readNBytes(64 * 1024), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output.strip());
      } catch (IOException e) {
        return new Result(-1, command.get(0) + " cannot be run");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(-1, "interrupted");
      }
    };
  }
}
