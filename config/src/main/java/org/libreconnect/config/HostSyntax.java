package org.libreconnect.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Syntax checks for host names and IP address literals. Never touches the network. */
final class HostSyntax {

  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
          + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");
  private static final int MAX_NAME_LENGTH = 253;
  private static final int MAX_LABEL_LENGTH = 63;

  private HostSyntax() {}

  /** A DNS name made of letters, digits and hyphens, such as {@code localhost.icanopee.net}. */
  static boolean isDnsName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      return false;
    }
    int start = 0;
    while (true) {
      int end = name.indexOf('.', start);
      if (!isLabel(name, start, end < 0 ? name.length() : end)) {
        return false;
      }
      if (end < 0) {
        return true;
      }
      start = end + 1;
    }
  }

  /**
   * Whether {@code name[start, end)} is one DNS label: 1 to 63 ASCII letters, digits and hyphens,
   * neither first nor last a hyphen. A loop, not a pattern: every WebSocket upgrade and REST call
   * checks its {@code Origin} header's host with it.
   */
  private static boolean isLabel(String name, int start, int end) {
    int length = end - start;
    if (length < 1 || length > MAX_LABEL_LENGTH || name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = name.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** A dotted-decimal IPv4 address such as {@code 127.0.0.1}. */
  static boolean isIpv4(String address) {
    return IPV4.matcher(address).matches();
  }

  /**
   * The canonical text of an IPv6 literal written without brackets, such as {@code ::1}; empty
   * when {@code address} is not one. Zone ids ({@code %eth0}) are not accepted.
   */
  static Optional<String> canonicalIpv6(String address) {
    if (!address.contains(":") || !IPV6_CHARACTERS.matcher(address).matches()) {
      return Optional.empty();
    }
    try {
      // The brackets make the JDK parse a literal and never ask a name server.
      InetAddress parsed = InetAddress.getByName("[" + address + "]");
      // An IPv4-mapped address comes back as IPv4; keep it apart from the plain IPv4 address.
      String text = parsed.getHostAddress();
      return Optional.of(parsed instanceof Inet6Address ? text : "::ffff:" + text);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** A host name, an IPv4 address or an IPv6 address, with or without brackets. */
  static boolean isHostOrAddress(String host) {
    if (host.startsWith("[") && host.endsWith("]")) {
      return canonicalIpv6(host.substring(1, host.length() - 1)).isPresent();
    }
    return isIpv4(host) || isDnsName(host) || canonicalIpv6(host).isPresent();
  }
}
