package org.libreconnect.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process for the {@link RunDirectory} tests: prints {@code ready}, then sleeps a minute.
 *
 * <p>{@code --exit-log <file> <name>} appends {@code name} to {@code file} when asked to stop;
 * {@code --ignore-stop} makes a stop request hang, so that only a forcible kill ends the process;
 * {@code --log-dir <folder>} is ignored, and makes the command line look like a worker's.
 */
public final class SleepingMain {

  private SleepingMain() {}

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--exit-log" -> {
          Path file = Path.of(args[++i]);
          String line = args[++i] + "\n";
          Runtime.getRuntime().addShutdownHook(new Thread(() -> append(file, line)));
        }
        case "--log-dir" -> i++; // named like a worker's folder, for SessionLogPruner
        case "--ignore-stop" ->
            Runtime.getRuntime().addShutdownHook(new Thread(SleepingMain::sleepAMinute));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    System.out.println("ready");
    System.out.flush();
    sleepAMinute();
  }

  private static void sleepAMinute() {
    try {
      Thread.sleep(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void append(Path file, String line) {
    try {
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
