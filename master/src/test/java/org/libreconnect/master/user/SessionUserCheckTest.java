package org.libreconnect.master.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libreconnect.master.user.SessionUserCheck.Verdict;

/**
 * Two real OS users connect to a real loopback socket; the kernel's socket table names each one.
 * Needs root (useradd, runuser) and Linux: CI runs as root; elsewhere the test is skipped and says why.
 */
class SessionUserCheckTest {
  private static final List<String> USERS = List.of("lcterm1", "lcterm2");

  @BeforeAll
  static void createUsers() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "skipped: needs Linux's /proc/net/tcp");
    assumeTrue("root".equals(System.getProperty("user.name")), "skipped: needs root to create two OS users");
    for (String user : USERS) {
      if (run("getent", "passwd", user) != 0) {
        assertThat(run("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user)).isZero();
      }
    }
  }

  @AfterAll
  static void removeUsers() throws Exception {
    if ("root".equals(System.getProperty("user.name"))) {
      for (String user : USERS) {
        assertThat(run("userdel", user)).as("userdel " + user).isZero();
      }
    }
  }

  @Test
  void eachUsersConnectionIsTheirsAndNotTheOthers() throws Exception {
    SessionUserCheck check = new SessionUserCheck(SocketOwners.system(), new OsUsers());
    for (InetAddress loopback : List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"))) {
      try (ServerSocket server = new ServerSocket(0, 10, loopback)) {
        for (int i = 0; i < USERS.size(); i++) {
          String user = USERS.get(i);
          String other = USERS.get(1 - i);
          Process client = connectAs(user, server);
          try (Socket accepted = server.accept()) {
            InetSocketAddress peer = (InetSocketAddress) accepted.getRemoteSocketAddress();
            InetSocketAddress ours = (InetSocketAddress) accepted.getLocalSocketAddress();
            assertThat(SocketOwners.system().ownerOf(peer, ours)).isEqualTo(new OsUsers().uidOf(user));
            assertThat(check.check(user, peer, ours)).as(user + " over " + loopback).isEqualTo(Verdict.ALLOWED);
            assertThat(check.check(other, peer, ours)).as(other + " claiming " + user + "'s connection")
                .isEqualTo(Verdict.NOT_THE_OWNER);
            assertThat(check.check("root", peer, ours)).isEqualTo(Verdict.NOT_THE_OWNER);
            assertThat(check.check("no-such-user-lc", peer, ours)).isEqualTo(Verdict.UNKNOWN_USER);
            assertThat(check.check("../etc", peer, ours)).isEqualTo(Verdict.UNKNOWN_USER);
            Optional<ClientConnection> connection = Optional.of(new ClientConnection(peer, ours));
            OsAccount account = check.resolve(user, "", connection);
            assertThat(account.name()).isEqualTo(user);
            assertThat(account.uid()).isEqualTo(new OsUsers().uidOf(user).getAsInt());
            assertThat(refusal(check, other, connection)).isEqualTo(Verdict.NOT_THE_OWNER);
            assertThat(refusal(check, "no-such-user-lc", connection)).isEqualTo(Verdict.UNKNOWN_USER);
            SessionUserCheck withoutRight =
                new SessionUserCheck(SocketOwners.system(), new OsUsers(), ProcessRights.parse(
                    List.of("Uid:\t4242\t4242\t4242\t4242", "CapAmb:\t0000000000000000")));
            assertThat(refusal(withoutRight, user, connection)).as("a master that may not switch users")
                .isEqualTo(Verdict.NO_RIGHT);
          } finally {
            endClient(client);
          }
        }
      }
    }
  }

  @Test
  void aSessionWithoutAConnectionHasNoOwner() {
    assertThat(refusal(SessionUserCheck.system(), "root", Optional.empty())).isEqualTo(Verdict.OWNER_UNKNOWN);
  }

  @Test
  void aDomainUserIsLookedUpByItsDirectoryNamesFirst() {
    assertThat(SessionUserCheck.candidates("bob", "HOSP")).containsExactly("bob@HOSP", "HOSP\\bob", "bob");
    assertThat(SessionUserCheck.candidates("bob", "")).containsExactly("bob");
    assertThat(SessionUserCheck.candidates("bob", null)).containsExactly("bob");
  }

  private static Verdict refusal(SessionUserCheck check, String user, Optional<ClientConnection> connection) {
    try {
      check.resolve(user, null, connection);
      throw new AssertionError(user + " was not refused");
    } catch (SessionUserRefusedException e) {
      assertThat(e.getMessage()).doesNotContain(user);
      return e.verdict();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aConnectionThatIsGoneHasNoOwner() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
      InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", 1);
      assertThat(SocketOwners.system().ownerOf(nobody, (InetSocketAddress) server.getLocalSocketAddress()))
          .isEqualTo(OptionalInt.empty());
    }
  }

  /**
   * A client socket opened by a process of that user, held open until its standard input closes
   * (so that no process of the user outlives the test, and userdel can remove the user).
   */
  private static Process connectAs(String user, ServerSocket server) throws IOException {
    String host = server.getInetAddress().getHostAddress();
    return new ProcessBuilder("runuser", "-u", user, "--", "bash", "-c",
        "exec 3<>/dev/tcp/" + host + "/" + server.getLocalPort() + " && read -r -t 20 line || true")
        .redirectErrorStream(true).start();
  }

  private static void endClient(Process client) throws Exception {
    client.getOutputStream().close();
    if (!client.waitFor(10, TimeUnit.SECONDS)) {
      client.destroyForcibly();
    }
  }

  private static int run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }
}
