package org.libreconnect.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process recorded in the run directory: file {@code <role>-<pid>.pid} holding the pid on the
 * first line and the process start instant in epoch milliseconds (or nothing) on the second.
 */
record PidFile(String role, long pid, Optional<Instant> start) {

  static final String SUFFIX = ".pid";

  private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9]*");
  private static final Pattern NAME = Pattern.compile("([a-z][a-z0-9]*)-([0-9]{1,19})\\.pid");

  PidFile {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(start, "start");
    if (!ROLE.matcher(role).matches()) {
      throw new IllegalArgumentException(
          "role: \"" + role + "\" must be lower-case letters and digits, starting with a letter");
    }
    if (pid <= 0) {
      throw new IllegalArgumentException("pid: " + pid + " is not a process id");
    }
  }

  static PidFile of(String role, ProcessHandle process) {
    return new PidFile(role, process.pid(), process.info().startInstant());
  }

  String fileName() {
    return role + "-" + pid + SUFFIX;
  }

  String content() {
    return pid + "\n" + start.map(i -> Long.toString(i.toEpochMilli())).orElse("") + "\n";
  }

  boolean isWorker() {
    return role.equals("worker");
  }

  /** The pid file with this name and content, or empty when either is not one we wrote. */
  static Optional<PidFile> parse(String fileName, String content) {
    Matcher name = NAME.matcher(fileName);
    if (!name.matches()) {
      return Optional.empty();
    }
    String[] lines = content.split("\n", -1);
    try {
      long pid = Long.parseLong(name.group(2));
      if (lines.length < 2 || Long.parseLong(lines[0].strip()) != pid || pid <= 0) {
        return Optional.empty();
      }
      String millis = lines[1].strip();
      Optional<Instant> start =
          millis.isEmpty()
              ? Optional.empty()
              : Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
      return Optional.of(new PidFile(name.group(1), pid, start));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether a process started at {@code actual} can be the one recorded; unknown matches. */
  boolean startMatches(Optional<Instant> actual) {
    return start.isEmpty()
        || actual.isEmpty()
        || start.get().toEpochMilli() == actual.get().toEpochMilli();
  }
}
