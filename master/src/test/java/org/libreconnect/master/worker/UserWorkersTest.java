package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.master.user.OsAccount;

class UserWorkersTest {
  private static final OsAccount ALICE = new OsAccount("alice", 1001, 1002, Path.of("/home/alice"));
  private static final List<String> WORKER = List.of("/opt/java/bin/java", "-cp", "x", "Main");

  @TempDir Path dir;

  @Test
  void anotherUsersWorkerStartsThroughSetprivWithoutAnyCapability() {
    UserWorkers users = new UserWorkers(dir.resolve("libreconnect.xml"), UserWorkers.DEFAULT_PCSC_SOCKET, 998);
    assertThat(users.argv(ALICE, WORKER))
        .containsExactly("setpriv", "--reuid=1001", "--regid=1002", "--init-groups", "--inh-caps=-all",
            "--ambient-caps=-all", "--", "/opt/java/bin/java", "-cp", "x", "Main", "--config-stdin");
  }

  @Test
  void theConnectorsOwnUserNeedsNoSwitch() {
    UserWorkers users = new UserWorkers(dir.resolve("libreconnect.xml"), UserWorkers.DEFAULT_PCSC_SOCKET, 1001);
    assertThat(users.argv(ALICE, WORKER))
        .containsExactly("/opt/java/bin/java", "-cp", "x", "Main", "--config-stdin");
  }

  @Test
  void theUsersPcscSocketHomeAndNamesGoToTheEnvironment() {
    UserWorkers users = new UserWorkers(dir.resolve("libreconnect.xml"), "{home}/.pcsc/{user}-{uid}.comm", 0);
    Map<String, String> environment = new HashMap<>(Map.of("LIBRECONNECT_HOME", "/var/lib/libreconnect",
        "HOME", "/var/lib/libreconnect", "PATH", "/usr/bin"));
    users.environment(environment, ALICE);
    assertThat(environment)
        .containsEntry("PCSCLITE_CSOCK_NAME", "/home/alice/.pcsc/alice-1001.comm")
        .containsEntry("HOME", "/home/alice")
        .containsEntry("USER", "alice")
        .containsEntry("LOGNAME", "alice")
        .containsEntry("PATH", "/usr/bin")
        .doesNotContainKey("LIBRECONNECT_HOME");
    assertThat(users.layoutOf(ALICE).home()).isEqualTo(Path.of("/home/alice/.libreconnect"));
  }

  @Test
  void withoutAPatternAnotherUserGetsTheDefaultSocketAndTheConnectorsOwnUserKeepsItsPcscService() {
    Map<String, String> other = new HashMap<>(Map.of("PCSCLITE_CSOCK_NAME", "/run/pcscd/pcscd.comm"));
    new UserWorkers(dir.resolve("libreconnect.xml"), null, 998).environment(other, ALICE);
    assertThat(other).containsEntry("PCSCLITE_CSOCK_NAME", "/run/user/1001/pcscd/pcscd.comm");
    Map<String, String> own = new HashMap<>(Map.of("PCSCLITE_CSOCK_NAME", "/run/pcscd/pcscd.comm"));
    new UserWorkers(dir.resolve("libreconnect.xml"), null, 1001).environment(own, ALICE);
    assertThat(own).containsEntry("PCSCLITE_CSOCK_NAME", "/run/pcscd/pcscd.comm");
    Map<String, String> ownConfigured = new HashMap<>();
    new UserWorkers(dir.resolve("libreconnect.xml"), "/srv/{user}.comm", 1001).environment(ownConfigured, ALICE);
    assertThat(ownConfigured).containsEntry("PCSCLITE_CSOCK_NAME", "/srv/alice.comm");
  }

  @Test
  void thePatternComesFromTheEnvironment() {
    assertThat(UserWorkers.pcscSocketPatternFrom(Map.of())).isNull();
    assertThat(UserWorkers.pcscSocketPatternFrom(Map.of("LIBRECONNECT_USER_PCSC_SOCKET", " "))).isNull();
    assertThat(UserWorkers.pcscSocketPatternFrom(Map.of("LIBRECONNECT_USER_PCSC_SOCKET", " /run/x/{uid} ")))
        .isEqualTo("/run/x/{uid}");
  }

  @Test
  void theConfigurationIsReadForTheWorkerOrEmptyWithoutAFile() throws Exception {
    UserWorkers users = new UserWorkers(dir.resolve("libreconnect.xml"), UserWorkers.DEFAULT_PCSC_SOCKET, 0);
    assertThat(users.configuration()).isEmpty();
    Files.writeString(dir.resolve("libreconnect.xml"), "<libreconnect/>");
    assertThat(new String(users.configuration())).isEqualTo("<libreconnect/>");
  }
}
