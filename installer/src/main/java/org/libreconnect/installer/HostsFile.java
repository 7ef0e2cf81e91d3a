package org.libreconnect.installer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Makes the connector's host name resolve to the loopback address through the hosts file, only
 * when it does not already. The line it adds carries a marker, so that it alone is removed later;
 * every other line is kept as it is.
 */
public final class HostsFile {
  /** The system hosts file on Linux and macOS. */
  public static final Path SYSTEM = Path.of("/etc/hosts");

  static final String MARKER = "# added by LibreConnect";
  private static final Pattern HOST_NAME =
      Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  /** What {@link #ensure} found or did. */
  public enum Outcome {
    /** The name already resolves to the loopback address; the file was not read. */
    ALREADY_RESOLVES,
    /** The file already maps the name to a loopback address. */
    ALREADY_LISTED,
    /** A line was added. */
    ADDED
  }

  private final Path file;
  private final Predicate<String> resolvesToLoopback;

  /**
   * @param resolvesToLoopback whether a name resolves to loopback addresses only; {@link
   *     #systemResolver()} in production
   */
  public HostsFile(Path file, Predicate<String> resolvesToLoopback) {
    this.file = file;
    this.resolvesToLoopback = resolvesToLoopback;
  }

  /** Asks the system resolver (hosts file, DNS) whether every address of a name is loopback. */
  public static Predicate<String> systemResolver() {
    return host -> {
      try {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
      } catch (UnknownHostException e) {
        return false;
      }
    };
  }

  /**
   * Adds {@code 127.0.0.1 <host>} unless the name already resolves to, or is listed with, a
   * loopback address.
   *
   * @throws InstallerException when the file maps the name to another address (that line is the
   *     administrator's to change), or cannot be read or written
   */
  public Outcome ensure(String host) {
    requireHostName(host);
    if (resolvesToLoopback.test(host)) {
      return Outcome.ALREADY_RESOLVES;
    }
    List<String> lines = read();
    for (int i = 0; i < lines.size(); i++) {
      List<String> fields = fields(lines.get(i));
      if (fields.size() < 2 || !names(fields).contains(host.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (isLoopback(fields.get(0))) {
        return Outcome.ALREADY_LISTED;
      }
      throw new InstallerException(
          file + " line " + (i + 1) + " maps " + host + " to " + fields.get(0)
              + ": the connector listens on the loopback address only; remove or change that line");
    }
    List<String> updated = new ArrayList<>(lines);
    updated.add("127.0.0.1\t" + host + "\t" + MARKER);
    write(updated);
    return Outcome.ADDED;
  }

  /** Removes the lines this class added for {@code host}; returns whether one was removed. */
  public boolean remove(String host) {
    requireHostName(host);
    List<String> lines = read();
    List<String> kept =
        lines.stream()
            .filter(line -> !(line.contains(MARKER) && names(fields(line)).contains(host.toLowerCase(Locale.ROOT))))
            .toList();
    if (kept.size() == lines.size()) {
      return false;
    }
    write(kept);
    return true;
  }

  private List<String> read() {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new InstallerException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(List<String> lines) {
    String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    SystemFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The address and names of a line, comments left out. */
  private static List<String> fields(String line) {
    int hash = line.indexOf('#');
    String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
    return content.isEmpty() ? List.of() : List.of(content.split("\\s+"));
  }

  private static List<String> names(List<String> fields) {
    return fields.stream().skip(1).map(name -> name.toLowerCase(Locale.ROOT)).toList();
  }

  private static boolean isLoopback(String address) {
    return address.startsWith("127.") || address.equals("::1");
  }

  private static void requireHostName(String host) {
    if (host == null || !HOST_NAME.matcher(host).matches()) {
      throw new InstallerException("\"" + host + "\" is not a host name");
    }
  }
}
