package org.libreconnect.master.user;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.OptionalInt;

/**
 * Terminal servers: may a connection open a session for the user named in {@code s_userName}?
 * Only when that account exists and owns the connecting socket (docs/adr/0020). Blocking.
 */
public final class SessionUserCheck {
  /** What the check found; every refusal names its reason for the page's JS2 error. */
  public enum Verdict {
    ALLOWED("the user owns the connection"),
    UNKNOWN_USER("no such user on this computer"),
    NOT_THE_OWNER("the connection belongs to another user"),
    OWNER_UNKNOWN("the user of the connection cannot be found");

    private final String reason;

    Verdict(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  private final SocketOwners sockets;
  private final OsUsers users;

  public SessionUserCheck(SocketOwners sockets, OsUsers users) {
    this.sockets = sockets;
    this.users = users;
  }

  public Verdict check(String claimedUser, InetSocketAddress client, InetSocketAddress server) throws IOException {
    OptionalInt claimed = users.uidOf(claimedUser);
    if (claimed.isEmpty()) {
      return Verdict.UNKNOWN_USER;
    }
    OptionalInt owner = sockets.ownerOf(client, server);
    if (owner.isEmpty()) {
      return Verdict.OWNER_UNKNOWN;
    }
    return owner.getAsInt() == claimed.getAsInt() ? Verdict.ALLOWED : Verdict.NOT_THE_OWNER;
  }
}
