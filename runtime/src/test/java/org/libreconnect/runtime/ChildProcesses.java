package org.libreconnect.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Child JVMs started by a test, all destroyed by {@link #close()}. */
final class ChildProcesses implements AutoCloseable {

  private final List<Process> started = new ArrayList<>();

  /**
   * Starts {@code mainClass} in a new JVM on the given class path and returns once it printed a
   * line.
   */
  Process startJvm(
      List<String> jvmArguments,
      List<Class<?>> classPathOf,
      Class<?> mainClass,
      List<String> arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaCommand());
    command.add("-Xmx32m");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmArguments);
    command.add("-cp");
    command.add(classPath(classPathOf));
    command.add(mainClass.getName());
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    started.add(process);
    return process;
  }

  /** Starts {@link SleepingMain} and waits for its {@code ready} line. */
  Process startSleeper(List<String> jvmArguments, String... arguments) throws IOException {
    Process process =
        startJvm(jvmArguments, List.of(SleepingMain.class), SleepingMain.class, List.of(arguments));
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (!"ready".equals(line)) {
      throw new IOException("child JVM did not start: first line " + line);
    }
    return process;
  }

  static String javaCommand() {
    return ProcessHandle.current().info().command().orElseThrow();
  }

  static String classPath(List<Class<?>> classes) {
    List<String> entries = new ArrayList<>();
    for (Class<?> type : classes) {
      try {
        String entry =
            Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        if (!entries.contains(entry)) {
          entries.add(entry);
        }
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  @Override
  public void close() {
    for (Process process : started) {
      process.destroyForcibly();
    }
    try {
      for (Process process : started) {
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
