package org.libreconnect.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when the configuration file cannot be read or written, or holds an invalid value.
 *
 * <p>The message always names what is wrong and where: the element path and the value for a bad
 * value ({@code server/port: "99999" is not a port (1-65535)}), the file and the line for XML
 * that is not well formed. Values of elements whose name ends in {@code password} are never
 * shown.
 */
public final class ConfigException extends RuntimeException {

  private static final int MAX_SHOWN_VALUE_LENGTH = 120;

  /** Creates an exception with a message that already names the path or the file. */
  public ConfigException(String message) {
    super(message);
  }

  /** Creates an exception with a message that already names the path or the file. */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A bad value: {@code path: "value" problem}. */
  static ConfigException badValue(String path, String value, String problem) {
    return new ConfigException(path + ": " + shown(path, value) + " " + problem);
  }

  /** An element that may appear once given {@code count} times, with its values if any. */
  static ConfigException repeated(String path, int count, List<String> values) {
    String shownValues =
        values.isEmpty()
            ? ""
            : values.stream()
                .map(value -> shown(path, value))
                .collect(Collectors.joining(", ", " (", ")"));
    return new ConfigException(
        path + ": given " + count + " times" + shownValues + "; keep only one");
  }

  /**
   * The value as it appears in a message: quoted, control characters escaped, cut when long, and
   * hidden altogether for secrets.
   */
  static String shown(String path, String value) {
    if (path.endsWith("password")) {
      return "(hidden)";
    }
    String cut =
        value.length() > MAX_SHOWN_VALUE_LENGTH
            ? value.substring(0, MAX_SHOWN_VALUE_LENGTH) + "..."
            : value;
    StringBuilder quoted = new StringBuilder(cut.length() + 2).append('"');
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
