package org.libreconnect.master.user;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

/**
 * Which OS user owns the other end of a local TCP connection, read from the kernel's socket
 * table (Linux {@code /proc/net/tcp} and {@code /proc/net/tcp6}): the row whose local end is the
 * client's address and port and whose remote end is ours carries the uid of the process that
 * opened the client socket. Never from anything the page sends: a page in user A's session
 * cannot pass for user B (terminal servers, docs/adr/0020). Blocking file reads: never call on
 * an event-loop thread.
 */
public final class SocketOwners {
  private static final int UID_COLUMN = 7;

  private final Path procNet;

  /** @param procNet the directory holding {@code tcp} and {@code tcp6}, {@code /proc/net} on Linux */
  public SocketOwners(Path procNet) {
    this.procNet = procNet;
  }

  public static SocketOwners system() {
    return new SocketOwners(Path.of("/proc/net"));
  }

  /**
   * The uid that owns the client socket of the connection {@code client → server}, both ends on
   * this machine; empty when the table has no such row (the client closed, or another host).
   *
   * @throws IOException when the socket table cannot be read
   */
  public OptionalInt ownerOf(InetSocketAddress client, InetSocketAddress server) throws IOException {
    boolean v4 = client.getAddress() instanceof Inet4Address;
    String local = encode(client);
    String remote = encode(server);
    for (String table : v4 ? List.of("tcp", "tcp6") : List.of("tcp6")) {
      OptionalInt found = search(procNet.resolve(table), local, remote,
          v4 ? encode(mapped(client)) : null, v4 ? encode(mapped(server)) : null);
      if (found.isPresent()) {
        return found;
      }
    }
    return OptionalInt.empty();
  }

  private static OptionalInt search(Path table, String local, String remote, String mappedLocal, String mappedRemote)
      throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return OptionalInt.empty();
    }
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length <= UID_COLUMN) {
        continue;
      }
      boolean plain = fields[1].equalsIgnoreCase(local) && fields[2].equalsIgnoreCase(remote);
      boolean mapped = mappedLocal != null
          && fields[1].equalsIgnoreCase(mappedLocal) && fields[2].equalsIgnoreCase(mappedRemote);
      if (plain || mapped) {
        return OptionalInt.of(Integer.parseInt(fields[UID_COLUMN]));
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The table's spelling of an address and port: the address as 32-bit words each printed in the
   * machine's byte order (little-endian here), then {@code :} and the port in hex.
   */
  static String encode(InetSocketAddress address) {
    byte[] bytes = address.getAddress().getAddress();
    byte[] swapped = new byte[bytes.length];
    for (int word = 0; word < bytes.length; word += 4) {
      for (int i = 0; i < 4; i++) {
        swapped[word + i] = bytes[word + 3 - i];
      }
    }
    return HexFormat.of().withUpperCase().formatHex(swapped) + ":" + String.format("%04X", address.getPort());
  }

  /** The IPv4-mapped IPv6 form, as a dual-stack socket shows an IPv4 peer in tcp6. */
  private static InetSocketAddress mapped(InetSocketAddress v4) {
    byte[] four = v4.getAddress().getAddress();
    byte[] sixteen = new byte[16];
    sixteen[10] = (byte) 0xff;
    sixteen[11] = (byte) 0xff;
    System.arraycopy(four, 0, sixteen, 12, 4);
    try {
      // getByAddress would fold a mapped address back to IPv4; Inet6Address keeps all 16 bytes.
      return new InetSocketAddress(Inet6Address.getByAddress(null, sixteen, -1), v4.getPort());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
