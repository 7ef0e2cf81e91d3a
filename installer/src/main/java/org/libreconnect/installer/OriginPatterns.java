package org.libreconnect.installer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the connector's allowed-origin patterns ({@code https://*.example.com:*}) into the
 * browsers' policy syntax: Chrome's URL patterns ({@code https://[*.]example.com:*}) and
 * Firefox's domain list ({@code *.example.com}). Extension origins have no equivalent and are
 * left out.
 */
public final class OriginPatterns {
  private static final Pattern ORIGIN =
      Pattern.compile("(?i)(https?)://(\\*\\.)?([a-z0-9.-]+|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}|\\*))?");

  private OriginPatterns() {}

  /** Chrome URL patterns, in order, without duplicates. */
  public static List<String> chrome(List<String> origins) {
    Set<String> patterns = new LinkedHashSet<>();
    for (String origin : origins) {
      parts(origin).ifPresent(m -> {
        String host = (m.group(2) == null ? "" : "[*.]") + m.group(3).toLowerCase(Locale.ROOT);
        String port = m.group(4) == null ? "" : ":" + m.group(4);
        patterns.add(m.group(1).toLowerCase(Locale.ROOT) + "://" + host + port);
      });
    }
    return List.copyOf(patterns);
  }

  /**
   * Firefox domains, in order, without duplicates. Firefox matches the page's host name only,
   * whatever the scheme and port; {@code *.example.com} also covers {@code example.com}.
   */
  public static List<String> firefox(List<String> origins) {
    Set<String> domains = new LinkedHashSet<>();
    for (String origin : origins) {
      parts(origin).ifPresent(m -> {
        String host = m.group(3).toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
          host = host.substring(1, host.length() - 1);
        }
        domains.add((m.group(2) == null ? "" : "*.") + host);
      });
    }
    return List.copyOf(domains);
  }

  private static Optional<Matcher> parts(String origin) {
    Matcher matcher = ORIGIN.matcher(origin.strip());
    return matcher.matches() ? Optional.of(matcher) : Optional.empty();
  }
}
