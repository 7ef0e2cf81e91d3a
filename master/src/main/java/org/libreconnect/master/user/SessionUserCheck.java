package org.libreconnect.master.user;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Terminal servers: may a connection open a session for the user named in {@code s_userName}
 * (and {@code s_domainName})? Only when that account exists, owns the connecting socket, and this
 * connector may start a worker as that account (docs/adr/0026). Blocking (name service, socket
 * table): never call on an event-loop thread.
 */
public final class SessionUserCheck {
  /** What the check found; every refusal names its reason for the page's JS2 error. */
  public enum Verdict {
    ALLOWED("the user owns the connection"),
    UNKNOWN_USER("no such user on this computer"),
    NOT_THE_OWNER("the connection belongs to another user"),
    OWNER_UNKNOWN("the user of the connection cannot be found"),
    NO_RIGHT(
        "the connector may not start programs as another user (terminal-server set-up,"
            + " docs/install.md)");

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
  private final ProcessRights rights;

  public SessionUserCheck(SocketOwners sockets, OsUsers users) {
    this(sockets, users, ProcessRights.current());
  }

  public SessionUserCheck(SocketOwners sockets, OsUsers users, ProcessRights rights) {
    this.sockets = sockets;
    this.users = users;
    this.rights = rights;
  }

  /** The check of this machine: its socket table, its name service, this process's rights. */
  public static SessionUserCheck system() {
    return new SessionUserCheck(SocketOwners.system(), new OsUsers(), ProcessRights.current());
  }

  /** Whether {@code claimedUser} owns the connection {@code client → server}. */
  public Verdict check(String claimedUser, InetSocketAddress client, InetSocketAddress server) throws IOException {
    OptionalInt claimed = users.uidOf(claimedUser);
    if (claimed.isEmpty()) {
      return Verdict.UNKNOWN_USER;
    }
    return ownerVerdict(claimed.getAsInt(), client, server);
  }

  /**
   * The account a session for {@code userName} (of {@code domainName}, may be empty) runs as, when
   * {@code connection} may open it.
   *
   * @throws SessionUserRefusedException when it may not, with the reason
   * @throws IOException when the name service or the socket table cannot be read
   */
  public OsAccount resolve(String userName, String domainName, Optional<ClientConnection> connection)
      throws IOException {
    Optional<OsAccount> account = Optional.empty();
    for (String candidate : candidates(userName, domainName)) {
      account = users.find(candidate);
      if (account.isPresent()) {
        break;
      }
    }
    if (account.isEmpty()) {
      throw new SessionUserRefusedException(Verdict.UNKNOWN_USER);
    }
    if (connection.isEmpty()) {
      throw new SessionUserRefusedException(Verdict.OWNER_UNKNOWN);
    }
    Verdict verdict =
        ownerVerdict(account.get().uid(), connection.get().client(), connection.get().server());
    if (verdict != Verdict.ALLOWED) {
      throw new SessionUserRefusedException(verdict);
    }
    if (!rights.mayRunAs(account.get())) {
      throw new SessionUserRefusedException(Verdict.NO_RIGHT);
    }
    return account.get();
  }

  /**
   * The account names a user of a domain may have: {@code user@domain} and {@code DOMAIN\\user}
   * (directory accounts through SSSD or winbind), then the bare name. Whichever matches must still
   * own the connection.
   */
  static List<String> candidates(String userName, String domainName) {
    List<String> names = new ArrayList<>();
    if (domainName != null && !domainName.isBlank()) {
      names.add(userName + "@" + domainName);
      names.add(domainName + "\\" + userName);
    }
    names.add(userName);
    return names;
  }

  private Verdict ownerVerdict(int claimedUid, InetSocketAddress client, InetSocketAddress server)
      throws IOException {
    OptionalInt owner = sockets.ownerOf(client, server);
    if (owner.isEmpty()) {
      return Verdict.OWNER_UNKNOWN;
    }
    return owner.getAsInt() == claimedUid ? Verdict.ALLOWED : Verdict.NOT_THE_OWNER;
  }
}
