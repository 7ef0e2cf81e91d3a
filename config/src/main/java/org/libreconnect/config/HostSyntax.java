package org.libreconnect.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Syntax checks for host names and IP address literals. Never touches the network. */
final class HostSyntax {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
          + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");
  private static final int MAX_NAME_LENGTH = 253;

  private HostSyntax() {}

  /** A DNS name made of letters, digits and hyphens, such as {@code localhost.icanopee.net}. */
  static boolean isDnsName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      return false;
    }
    for (String label : name.toLowerCase(Locale.ROOT).split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
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
