package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationLayoutTest {

  @TempDir Path home;

  @Test
  void pathsUnderHome() {
    InstallationLayout layout = new InstallationLayout(home);

    assertThat(layout.configFile()).isEqualTo(home.resolve("libreconnect.xml"));
    assertThat(layout.logDir()).isEqualTo(home.resolve("logs"));
    assertThat(layout.sessionsLogDir()).isEqualTo(home.resolve("logs/sessions"));
    assertThat(layout.dataDir()).isEqualTo(home.resolve("data"));
    assertThat(layout.persistentDataDir()).isEqualTo(home.resolve("data/persistent"));
    assertThat(layout.runDir()).isEqualTo(home.resolve("run"));
    assertThat(layout.tlsDir()).isEqualTo(home.resolve("tls"));
  }

  @Test
  void homeIsMadeAbsoluteAndNormalised() {
    assertThat(new InstallationLayout(Path.of("a/../b")).home())
        .isEqualTo(Path.of("b").toAbsolutePath());
  }

  @Test
  void systemPropertyComesFirst() {
    assertThat(InstallationLayout.resolve("/opt/a", "/opt/b", "/home/u").home())
        .isEqualTo(Path.of("/opt/a").toAbsolutePath());
  }

  @Test
  void environmentVariableWhenNoProperty() {
    assertThat(InstallationLayout.resolve(null, "/opt/b", "/home/u").home())
        .isEqualTo(Path.of("/opt/b").toAbsolutePath());
    assertThat(InstallationLayout.resolve("  ", "/opt/b", "/home/u").home())
        .isEqualTo(Path.of("/opt/b").toAbsolutePath());
  }

  @Test
  void userHomeByDefault() {
    assertThat(InstallationLayout.resolve(null, "", "/home/u").home())
        .isEqualTo(Path.of("/home/u", ".libreconnect").toAbsolutePath());
  }

  @Test
  void fromSystemReadsTheProperty() {
    String before = System.getProperty(InstallationLayout.HOME_PROPERTY);
    System.setProperty(InstallationLayout.HOME_PROPERTY, home.toString());
    try {
      assertThat(InstallationLayout.fromSystem().home()).isEqualTo(home.toAbsolutePath());
    } finally {
      if (before == null) {
        System.clearProperty(InstallationLayout.HOME_PROPERTY);
      } else {
        System.setProperty(InstallationLayout.HOME_PROPERTY, before);
      }
    }
  }

  @Test
  void createDirectoriesCreatesEveryDirectoryAndCanRunTwice() throws IOException {
    InstallationLayout layout = new InstallationLayout(home.resolve("new/home"));

    layout.createDirectories();
    layout.createDirectories();

    assertThat(layout.sessionsLogDir()).isDirectory();
    assertThat(layout.persistentDataDir()).isDirectory();
    assertThat(layout.runDir()).isDirectory();
    assertThat(layout.tlsDir()).isDirectory();
    assertThat(layout.configFile()).doesNotExist();
  }

  @Test
  void createDirectoriesMakesEveryDirectoryOwnerOnly() throws IOException {
    assumeThat(home.getFileSystem().supportedFileAttributeViews()).contains("posix");
    InstallationLayout layout = new InstallationLayout(home.resolve("new-home"));

    layout.createDirectories();

    assertThat(permissions(layout.home())).isEqualTo("rwx------");
    assertThat(permissions(layout.logDir())).isEqualTo("rwx------");
    assertThat(permissions(layout.sessionsLogDir())).isEqualTo("rwx------");
    assertThat(permissions(layout.dataDir())).isEqualTo("rwx------");
    assertThat(permissions(layout.persistentDataDir())).isEqualTo("rwx------");
    assertThat(permissions(layout.runDir())).isEqualTo("rwx------");
    assertThat(permissions(layout.tlsDir())).isEqualTo("rwx------");
  }

  @Test
  void existingLayoutDirectoriesLoseGroupAndWorldAccessButTheHomeIsKept() throws IOException {
    assumeThat(home.getFileSystem().supportedFileAttributeViews()).contains("posix");
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    InstallationLayout layout = new InstallationLayout(home);
    Files.createDirectories(layout.sessionsLogDir());
    Files.setPosixFilePermissions(layout.logDir(), PosixFilePermissions.fromString("rwxr-x---"));
    Files.setPosixFilePermissions(
        layout.sessionsLogDir(), PosixFilePermissions.fromString("rwxrwxrwx"));

    layout.createDirectories();

    assertThat(permissions(layout.logDir())).isEqualTo("rwx------");
    assertThat(permissions(layout.sessionsLogDir())).isEqualTo("rwx------");
    assertThat(permissions(home)).isEqualTo("rwxr-xr-x");
  }

  @Test
  void aSessionLogDirectoryIsOwnerOnlyAndNamedWithLettersAndDigits() throws IOException {
    InstallationLayout layout = new InstallationLayout(home);

    Path folder = layout.createSessionLogDirectory("0a1b2c3d");

    assertThat(folder).isDirectory().hasParent(layout.sessionsLogDir());
    if (home.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(permissions(folder)).isEqualTo("rwx------");
    }
    assertThatThrownBy(() -> layout.createSessionLogDirectory("../escape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("escape");
  }

  private static String permissions(Path directory) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(directory));
  }
}
