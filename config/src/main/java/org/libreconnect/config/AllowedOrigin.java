package org.libreconnect.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the origin allow-list: a pattern such as {@code https://app.example.com},
 * {@code https://*.example.com} or {@code http://localhost:*}, checked against the {@code Origin}
 * header of a browser's WebSocket handshake.
 *
 * <p>Pattern syntax: {@code scheme://host[:port]}.
 *
 * <ul>
 *   <li>The scheme is {@code http} or {@code https}, or {@code chrome-extension} or {@code
 *       moz-extension} with an exact extension id as host and no port.
 *   <li>The host is a DNS name, an IPv4 address or a bracketed IPv6 address. A DNS name may start
 *       with {@code *.}, which stands for one or more labels: {@code *.example.com} matches {@code
 *       a.example.com} and {@code a.b.example.com}, never {@code example.com} itself. At least two
 *       labels must follow the wildcard.
 *   <li>The port is a number or {@code *} for any port. Without a port, only the scheme's default
 *       port matches (80 for http, 443 for https).
 * </ul>
 *
 * <p>The header must be exactly {@code scheme://host[:port]}: a path, a trailing slash, user
 * information, a query, a trailing dot, white space, {@code null} or an empty value never match.
 * Scheme and host are compared without regard to case.
 */
public final class AllowedOrigin {

  private static final int ANY_PORT = -1;
  private static final int NO_PORT = 0;
  private static final Set<String> EXTENSION_SCHEMES = Set.of("chrome-extension", "moz-extension");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
  private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
  private static final String EXPECTED_SHAPE =
      "expected scheme://host[:port], such as https://app.example.com";

  private final String pattern;
  private final String scheme;
  private final String host;
  private final boolean wildcard;
  private final int port;

  private AllowedOrigin(String pattern, String scheme, String host, boolean wildcard, int port) {
    this.pattern = pattern;
    this.scheme = scheme;
    this.host = host;
    this.wildcard = wildcard;
    this.port = port;
  }

  /**
   * Reads a pattern.
   *
   * @throws IllegalArgumentException when {@code pattern} is not a valid origin pattern; the
   *     message quotes the pattern and says what is wrong
   */
  public static AllowedOrigin parse(String pattern) {
    OriginParts parts = splitPattern(pattern);
    boolean wildcard = parts.host().startsWith("*.");
    String host = patternHost(pattern, parts, wildcard);
    int port = patternPort(pattern, parts.scheme(), parts.port());
    return new AllowedOrigin(pattern, parts.scheme(), host, wildcard, port);
  }

  /**
   * Whether the value of an {@code Origin} header is allowed by this pattern. {@code null}, an
   * empty value, {@code "null"} and anything that is not exactly {@code scheme://host[:port]}
   * never match. To hold one header against several patterns, read it once with {@link
   * Header#parse} and call {@link #matches(Header)}.
   */
  public boolean matches(String originHeader) {
    return Header.parse(originHeader).map(this::matches).orElse(false);
  }

  /** Whether a well-formed {@code Origin} header is allowed by this pattern. */
  public boolean matches(Header header) {
    if (!header.scheme().equals(scheme)) {
      return false;
    }
    if (port != ANY_PORT && port != header.port()) {
      return false;
    }
    return wildcard ? header.host().endsWith("." + host) : header.host().equals(host);
  }

  /**
   * A well-formed {@code Origin} header, read once: its scheme and host in lower case (an IPv6
   * address in canonical form, in brackets), and its port, the scheme's default when absent.
   */
  public record Header(String scheme, String host, int port) {
    /** The header's parts, or empty when it is not exactly {@code scheme://host[:port]}. */
    public static Optional<Header> parse(String originHeader) {
      if (originHeader == null) {
        return Optional.empty();
      }
      Optional<OriginParts> split = OriginParts.split(originHeader);
      if (split.isEmpty()) {
        return Optional.empty();
      }
      OriginParts parts = split.get();
      Optional<String> host = normalHost(parts.host());
      int port = headerPort(parts.scheme(), parts.port());
      if (host.isEmpty() || port == ANY_PORT) {
        return Optional.empty();
      }
      return Optional.of(new Header(parts.scheme(), host.get(), port));
    }
  }

  /** The pattern as written in the configuration. */
  public String pattern() {
    return pattern;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AllowedOrigin that
        && scheme.equals(that.scheme)
        && host.equals(that.host)
        && wildcard == that.wildcard
        && port == that.port;
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, host, wildcard, port);
  }

  @Override
  public String toString() {
    return pattern;
  }

  private static OriginParts splitPattern(String pattern) {
    if (pattern == null) {
      throw new IllegalArgumentException("an origin pattern may not be empty; " + EXPECTED_SHAPE);
    }
    if (pattern.isEmpty()) {
      throw invalid(pattern, "it may not be empty; " + EXPECTED_SHAPE);
    }
    int separator = pattern.indexOf("://");
    if (separator >= 0) {
      rejectExtras(pattern, pattern.substring(separator + 3));
    }
    OriginParts parts =
        OriginParts.split(pattern).orElseThrow(() -> invalid(pattern, EXPECTED_SHAPE));
    if (defaultPort(parts.scheme()).isEmpty() && !EXTENSION_SCHEMES.contains(parts.scheme())) {
      throw invalid(pattern, "the scheme must be http, https, chrome-extension or moz-extension");
    }
    if (parts.host().isEmpty()) {
      throw invalid(pattern, "the host is empty");
    }
    return parts;
  }

  /** The normalised host, without the wildcard label. */
  private static String patternHost(String pattern, OriginParts parts, boolean wildcard) {
    String host = wildcard ? parts.host().substring(2) : parts.host();
    if (host.contains("*")) {
      throw invalid(
          pattern, "a wildcard may only be the whole leftmost label, as in *.example.com");
    }
    if (EXTENSION_SCHEMES.contains(parts.scheme()) && (wildcard || parts.port() != null)) {
      throw invalid(
          pattern, "an extension origin takes an exact extension id, no wildcard, no port");
    }
    String normalHost =
        normalHost(host)
            .orElseThrow(() -> invalid(pattern, "the host \"" + host + "\" is not valid"));
    if (wildcard && !isWildcardSuffix(normalHost)) {
      throw invalid(
          pattern, "a wildcard needs a domain of two labels or more after it, as *.example.com");
    }
    return normalHost;
  }

  /** Clear messages for the usual mistakes in what follows "://". */
  private static void rejectExtras(String pattern, String rest) {
    if (rest.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(pattern, "white space is not allowed");
    }
    if (rest.contains("/")) {
      throw invalid(pattern, "an origin has no path, not even a trailing \"/\"");
    }
    if (rest.contains("?") || rest.contains("#")) {
      throw invalid(pattern, "an origin has no query or fragment");
    }
    if (rest.contains("@")) {
      throw invalid(pattern, "an origin has no user information (\"@\")");
    }
  }

  private static int patternPort(String pattern, String scheme, String portText) {
    if (portText == null) {
      return defaultPort(scheme).orElse(NO_PORT);
    }
    if (portText.equals("*")) {
      return ANY_PORT;
    }
    int port = PORT.matcher(portText).matches() ? Integer.parseInt(portText) : 0;
    if (port < 1 || port > 65535) {
      throw invalid(pattern, "the port must be a number from 1 to 65535, or * for any port");
    }
    return port;
  }

  /** The port of a header, its scheme's default when absent, or ANY_PORT when malformed. */
  private static int headerPort(String scheme, String portText) {
    if (portText == null) {
      return defaultPort(scheme).orElse(NO_PORT);
    }
    if (!PORT.matcher(portText).matches()) {
      return ANY_PORT;
    }
    int port = Integer.parseInt(portText);
    return port <= 65535 ? port : ANY_PORT;
  }

  private static Optional<Integer> defaultPort(String scheme) {
    return switch (scheme) {
      case "http" -> Optional.of(80);
      case "https" -> Optional.of(443);
      default -> Optional.empty();
    };
  }

  /** Lower-case DNS name or IPv4 address, or "[canonical IPv6]"; empty when not a valid host. */
  private static Optional<String> normalHost(String host) {
    if (host.startsWith("[") && host.endsWith("]")) {
      return HostSyntax.canonicalIpv6(host.substring(1, host.length() - 1))
          .map(ip -> "[" + ip + "]");
    }
    return HostSyntax.isDnsName(host)
        ? Optional.of(host.toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  private static boolean isWildcardSuffix(String host) {
    int lastDot = host.lastIndexOf('.');
    return lastDot > 0
        && !host.startsWith("[")
        && !ALL_DIGITS.matcher(host.substring(lastDot + 1)).matches();
  }

  private static IllegalArgumentException invalid(String pattern, String reason) {
    return new IllegalArgumentException(
        ConfigException.shown("origin", pattern) + " is not a valid origin pattern: " + reason);
  }

  /** {@code scheme://host[:port]} cut into its three parts, before any check of host or port. */
  private record OriginParts(String scheme, String host, String port) {

    static Optional<OriginParts> split(String text) {
      int separator = text.indexOf("://");
      if (separator <= 0 || !SCHEME.matcher(text.substring(0, separator)).matches()) {
        return Optional.empty();
      }
      String scheme = text.substring(0, separator).toLowerCase(Locale.ROOT);
      String rest = text.substring(separator + 3);
      if (rest.startsWith("[")) {
        int close = rest.indexOf(']');
        if (close < 0) {
          return Optional.empty();
        }
        String after = rest.substring(close + 1);
        if (!after.isEmpty() && !after.startsWith(":")) {
          return Optional.empty();
        }
        String port = after.isEmpty() ? null : after.substring(1);
        return Optional.of(new OriginParts(scheme, rest.substring(0, close + 1), port));
      }
      int colon = rest.indexOf(':');
      return Optional.of(
          colon < 0
              ? new OriginParts(scheme, rest, null)
              : new OriginParts(scheme, rest.substring(0, colon), rest.substring(colon + 1)));
    }
  }
}
