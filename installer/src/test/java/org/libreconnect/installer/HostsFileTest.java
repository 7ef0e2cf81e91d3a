package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsFileTest {
  private static final String HOST = "localhost.icanopee.net";
  private static final String ORIGINAL = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n# a comment\n10.0.0.5 intranet.example\n";

  @TempDir Path dir;

  @Test
  void addsTheNameWhenItDoesNotResolveAndKeepsEveryOtherLine() throws Exception {
    Path file = hosts(ORIGINAL);
    assertThat(new HostsFile(file, name -> false).ensure(HOST)).isEqualTo(HostsFile.Outcome.ADDED);
    assertThat(Files.readString(file)).isEqualTo(ORIGINAL + "127.0.0.1\t" + HOST + "\t# added by LibreConnect\n");
  }

  @Test
  void isIdempotent() throws Exception {
    Path file = hosts(ORIGINAL);
    HostsFile hosts = new HostsFile(file, name -> false);
    hosts.ensure(HOST);
    String once = Files.readString(file);
    assertThat(hosts.ensure(HOST)).isEqualTo(HostsFile.Outcome.ALREADY_LISTED);
    assertThat(hosts.ensure(HOST.toUpperCase())).isEqualTo(HostsFile.Outcome.ALREADY_LISTED);
    assertThat(Files.readString(file)).isEqualTo(once);
  }

  @Test
  void leavesTheFileAloneWhenTheNameAlreadyResolvesToLoopback() throws Exception {
    Path file = hosts(ORIGINAL);
    assertThat(new HostsFile(file, name -> true).ensure(HOST)).isEqualTo(HostsFile.Outcome.ALREADY_RESOLVES);
    assertThat(Files.readString(file)).isEqualTo(ORIGINAL);
    assertThat(new HostsFile(dir.resolve("absent"), name -> true).ensure(HOST)).isEqualTo(HostsFile.Outcome.ALREADY_RESOLVES);
    assertThat(dir.resolve("absent")).doesNotExist();
  }

  @Test
  void anExistingLoopbackLineIsEnough() throws Exception {
    Path file = hosts(ORIGINAL + "127.0.1.1  box  " + HOST + "  # by hand\n");
    assertThat(new HostsFile(file, name -> false).ensure(HOST)).isEqualTo(HostsFile.Outcome.ALREADY_LISTED);
  }

  @Test
  void refusesToShadowALineThatMapsTheNameElsewhere() throws Exception {
    Path file = hosts(ORIGINAL + "192.168.1.20 " + HOST + "\n");
    assertThatThrownBy(() -> new HostsFile(file, name -> false).ensure(HOST))
        .isInstanceOf(InstallerException.class)
        .hasMessage(file + " line 5 maps " + HOST + " to 192.168.1.20: the connector listens on the loopback"
            + " address only; remove or change that line");
    assertThat(Files.readString(file)).isEqualTo(ORIGINAL + "192.168.1.20 " + HOST + "\n");
  }

  @Test
  void aCommentedOutLineDoesNotCount() throws Exception {
    Path file = hosts("# 10.1.1.1 " + HOST + "\n");
    assertThat(new HostsFile(file, name -> false).ensure(HOST)).isEqualTo(HostsFile.Outcome.ADDED);
  }

  @Test
  void keepsThePermissionsOfTheFileAndCreatesAMissingOneReadableByAll() throws Exception {
    Path file = hosts(ORIGINAL);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    new HostsFile(file, name -> false).ensure(HOST);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");

    Path created = dir.resolve("new-hosts");
    new HostsFile(created, name -> false).ensure(HOST);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rw-r--r--");
    assertThat(Files.readString(created)).isEqualTo("127.0.0.1\t" + HOST + "\t# added by LibreConnect\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("hosts", "new-hosts");
    }
  }

  @Test
  void removeTakesOutOnlyTheLineItAdded() throws Exception {
    String byHand = ORIGINAL + "127.0.0.2 " + HOST + "\n";
    Path file = hosts(byHand + "127.0.0.1\t" + HOST + "\t# added by LibreConnect\n");
    HostsFile hosts = new HostsFile(file, name -> false);
    assertThat(hosts.remove(HOST)).isTrue();
    assertThat(Files.readString(file)).isEqualTo(byHand);
    assertThat(hosts.remove(HOST)).isFalse();
    assertThat(Files.readString(file)).isEqualTo(byHand);
  }

  @Test
  void refusesWhatIsNotAHostName() {
    HostsFile hosts = new HostsFile(dir.resolve("hosts"), name -> false);
    for (String bad : new String[] {"", "a b", "evil\n127.0.0.1 bank.example", "-x.example", "x..example"}) {
      assertThatThrownBy(() -> hosts.ensure(bad)).isInstanceOf(InstallerException.class).hasMessageContaining("is not a host name");
    }
  }

  private Path hosts(String content) throws Exception {
    Path file = dir.resolve("hosts");
    Files.writeString(file, content);
    return file;
  }
}
