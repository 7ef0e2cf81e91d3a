package org.libreconnect.simulator.dmp.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses stored-query slot values written IHE style: {@code 'a'}, {@code ('a','b')}, possibly
 * over several {@code Value} elements.
 */
final class QueryValues {
  private QueryValues() {}

  private static final Pattern QUOTED =
      Pattern.compile("'[^']*'");
  private static final Pattern QUOTED_LIST =
      Pattern.compile("\\(\\s*'[^']*'(\\s*,\\s*'[^']*')*\\s*\\)");
  private static final Pattern TIME = Pattern.compile("\\d{4,14}");

  /**
   * Whether every value is written as ITI-18 requires: a quoted string {@code 'a'} or a list
   * {@code ('a','b')}; the time bounds ({@code numeric}) are bare digits.
   */
  static boolean wellFormed(List<String> rawValues, boolean numeric) {
    for (String raw : rawValues) {
      String text = raw.trim();
      boolean ok = numeric ? TIME.matcher(text).matches()
          : QUOTED.matcher(text).matches() || QUOTED_LIST.matcher(text).matches();
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static List<String> parse(List<String> rawValues) {
    List<String> values = new ArrayList<>();
    for (String raw : rawValues) {
      String text = raw.trim();
      if (text.startsWith("(") && text.endsWith(")")) {
        text = text.substring(1, text.length() - 1);
      }
      StringBuilder current = new StringBuilder();
      boolean quoted = false;
      for (char c : text.toCharArray()) {
        if (c == '\'') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          add(values, current);
        } else {
          current.append(c);
        }
      }
      add(values, current);
    }
    return values;
  }

  private static void add(List<String> values, StringBuilder current) {
    String value = current.toString().trim();
    if (!value.isEmpty()) {
      values.add(value);
    }
    current.setLength(0);
  }
}
