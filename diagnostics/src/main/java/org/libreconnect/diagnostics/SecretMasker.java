package org.libreconnect.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in a configuration file's text before it leaves the computer: the content of every
 * element and the value of every attribute whose name holds "password", "secret", "pin" or "key"
 * (proxy password, keystore passwords) becomes {@value #MASK}.
 */
public final class SecretMasker {
  public static final String MASK = "********";

  private static final String SECRET_NAME = "[\\w.-]*(?:password|passwd|secret|pin|key)[\\w.-]*";
  private static final Pattern ELEMENT =
      Pattern.compile("(<(" + SECRET_NAME + ")(?:\\s[^>]*)?>)([^<]*)(</\\2\\s*>)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("(\\s" + SECRET_NAME + "\\s*=\\s*)(\"[^\"]*\"|'[^']*')", Pattern.CASE_INSENSITIVE);

  private SecretMasker() {}

  public static String mask(String xml) {
    Matcher elements = ELEMENT.matcher(xml);
    StringBuilder out = new StringBuilder(xml.length());
    while (elements.find()) {
      String replacement = elements.group(3).isBlank() ? elements.group(0)
          : elements.group(1) + MASK + elements.group(4);
      elements.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    elements.appendTail(out);
    return ATTRIBUTE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
  }
}
