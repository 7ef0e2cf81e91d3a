package org.libreconnect.simulator.dmp.transaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses stored-query slot values written IHE style: {@code 'a'}, {@code ('a','b')}, possibly
 * over several {@code Value} elements.
 */
final class QueryValues {
  private QueryValues() {}

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
