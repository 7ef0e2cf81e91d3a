package org.libreconnect.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Tells whether a running process has a given argument on its command line. */
final class ProcessCommandLine {

  private ProcessCommandLine() {}

  /**
   * Whether {@code argument} is one of the process's arguments, as told by {@link
   * ProcessHandle.Info} or, on Linux, by {@code /proc/<pid>/cmdline}. False when the command line
   * cannot be read (a process of another user, for instance).
   */
  static boolean has(ProcessHandle process, String argument) {
    ProcessHandle.Info info = process.info();
    if (info.arguments().map(args -> Arrays.asList(args).contains(argument)).orElse(false)) {
      return true;
    }
    if (info.commandLine().map(line -> containsArgument(line, argument)).orElse(false)) {
      return true;
    }
    return procArguments(process.pid()).contains("\0" + argument + "\0");
  }

  /** Whether {@code argument} appears in a command line as a whole, possibly quoted, argument. */
  static boolean containsArgument(String commandLine, String argument) {
    for (int at = commandLine.indexOf(argument);
        at >= 0;
        at = commandLine.indexOf(argument, at + 1)) {
      int after = at + argument.length();
      if ((at == 0 || isSeparator(commandLine.charAt(at - 1)))
          && (after == commandLine.length() || isSeparator(commandLine.charAt(after)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '\'';
  }

  /** The NUL-terminated arguments from {@code /proc}, with a leading NUL; empty elsewhere. */
  private static String procArguments(long pid) {
    Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
    try {
      return "\0" + new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return "";
    }
  }
}
