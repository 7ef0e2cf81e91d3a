package org.libreconnect.master.user;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * The two ends of a page's TCP connection: what the kernel's socket table is searched for to find
 * the OS user behind it ({@link SocketOwners}).
 *
 * @param client the page's end (the browser's address and port)
 * @param server the connector's end
 */
public record ClientConnection(InetSocketAddress client, InetSocketAddress server) {

  /** The connection of a Netty channel's addresses; empty when they are not IP addresses. */
  public static Optional<ClientConnection> of(SocketAddress remote, SocketAddress local) {
    if (remote instanceof InetSocketAddress client && local instanceof InetSocketAddress server) {
      return Optional.of(new ClientConnection(client, server));
    }
    return Optional.empty();
  }
}
