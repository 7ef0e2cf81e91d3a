package org.libreconnect.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Second line of defence for log lines that go into a bundle: the connector never logs a PIN or a
 * whole session id, and this scrubber makes sure none leaves the computer if one ever did. A
 * session id (a UUID) keeps its 8-character short form; digits after a PIN-like key are masked.
 */
public final class LogScrubber {
  private static final Pattern UUID =
      Pattern.compile("\\b([0-9a-fA-F]{8})-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
  private static final Pattern PIN =
      Pattern.compile("((?:pin|code)[\\w]*\"?\\s*[:=]\\s*\"?)(\\d{4,12})", Pattern.CASE_INSENSITIVE);
  private static final Pattern SESSION =
      Pattern.compile("(s_sessionId\"?\\s*[:=]\\s*\"?)([^\"\\s,}]{9,})", Pattern.CASE_INSENSITIVE);
  private static final Pattern PROXY_AUTH =
      Pattern.compile("(Proxy-Authorization:\\s*\\S+\\s+)\\S+", Pattern.CASE_INSENSITIVE);

  private LogScrubber() {}

  public static String scrub(String text) {
    String out = UUID.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "…"));
    out = SESSION.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
        m.group(1) + m.group(2).substring(0, 8) + "…"));
    out = PIN.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****"));
    return PROXY_AUTH.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****"));
  }
}
