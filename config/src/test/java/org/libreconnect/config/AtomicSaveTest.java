package org.libreconnect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.runtime.AtomicFiles;

class AtomicSaveTest {

  private static final String ORIGINAL =
      "<libreconnect>\n  <server>\n    <port>9982</port>\n  </server>\n</libreconnect>\n";

  @TempDir Path directory;

  @Test
  void aDocumentThatDoesNotValidateIsNotSaved() throws IOException {
    Path file = original();
    byte[] before = Files.readAllBytes(file);
    ConfigDocument document = ConfigDocument.open(file).set("server/port", "99999");

    assertThatThrownBy(() -> document.save(AtomicFiles::write))
        .isInstanceOf(ConfigException.class)
        .hasMessage("server/port: \"99999\" is not a port (1-65535)");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(filesIn(directory)).containsExactly("libreconnect.xml");
  }

  @Test
  void aFailingWriterLeavesTheFileAndSaysWhichFile() throws IOException {
    Path file = original();
    byte[] before = Files.readAllBytes(file);
    FileReplacer diskUnplugged =
        (target, content) -> {
          assertThat(target).isEqualTo(file);
          assertThat(new String(content, java.nio.charset.StandardCharsets.UTF_8)).contains("9983");
          throw new IOException("disk unplugged");
        };
    ConfigDocument document = ConfigDocument.open(file).set("server/port", "9983");

    assertThatThrownBy(() -> document.save(diskUnplugged))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cannot write " + file + ": disk unplugged")
        .hasCauseInstanceOf(IOException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(filesIn(directory)).containsExactly("libreconnect.xml");
  }

  @Test
  void aReadOnlyDirectoryLeavesTheFileUntouched() throws IOException {
    assumeTrue(isPosix(), "POSIX permissions");
    Path file = original();
    byte[] before = Files.readAllBytes(file);
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
    // root ignores the permissions: the folder is made immutable instead (chattr +i binds root too)
    boolean immutable = Files.isWritable(directory) && immutable(directory, true);
    try {
      assumeTrue(!Files.isWritable(directory) || immutable,
          "the file system can refuse a write to this user (permissions, or chattr +i for root)");
      ConfigDocument document = ConfigDocument.open(file).set("server/port", "9983");

      assertThatThrownBy(() -> document.save(AtomicFiles::write))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("cannot write " + file);
      assertThat(Files.readAllBytes(file)).isEqualTo(before);
    } finally {
      if (immutable) {
        immutable(directory, false);
      }
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }
    assertThat(filesIn(directory)).containsExactly("libreconnect.xml");
  }

  /** {@code chattr +i} or {@code -i}; false when the tool or the file system cannot. */
  private static boolean immutable(Path folder, boolean on) throws IOException {
    try {
      Process chattr = new ProcessBuilder("chattr", on ? "+i" : "-i", folder.toString())
          .redirectErrorStream(true).start();
      chattr.getInputStream().readAllBytes();
      return chattr.waitFor() == 0;
    } catch (IOException noTool) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void savingMakesAGroupReadableFileOwnerOnly() throws IOException {
    assumeTrue(isPosix(), "POSIX permissions");
    Path file = original();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    ConfigDocument.open(file).set("server/port", "9983").save(AtomicFiles::write);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(ConfigLoader.load(file).server().port()).isEqualTo(9983);
  }

  @Test
  void aNewFileIsForItsOwnerOnly() throws IOException {
    assumeTrue(isPosix(), "POSIX permissions");
    Path file = directory.resolve("new.xml");

    ConfigDocument.open(file).set("proxy/password", "s3cret").set("proxy/server", "p")
        .set("proxy/port", "1").save(AtomicFiles::write);

    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void replacesTheTargetOfASymbolicLink() throws IOException {
    Path real = original();
    Path link = Files.createSymbolicLink(directory.resolve("link.xml"), real);

    ConfigDocument.open(link).set("server/port", "9984").save(AtomicFiles::write);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(ConfigLoader.load(real).server().port()).isEqualTo(9984);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentReadersNeverSeeAHalfWrittenFile() throws Exception {
    Path file = original();
    // Large enough that a non-atomic write would be caught half-way.
    List<String> manyOrigins =
        Stream.iterate(0, i -> i + 1)
            .limit(2000)
            .map(i -> "https://host" + i + ".example.org")
            .toList();
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Integer> reads =
        CompletableFuture.supplyAsync(
            () -> {
              int count = 0;
              while (writing.get() || count == 0) {
                ConnectorConfig config = ConfigLoader.load(file);
                int port = config.server().port();
                int origins = config.server().allowedOrigins().size();
                assertThat(port == 9982 && origins == 0 || port == 9990 && origins == 2000
                        || port == 9991 && origins == 1)
                    .as("port %d with %d origins", port, origins)
                    .isTrue();
                count++;
              }
              return count;
            });

    try {
      for (int i = 0; i < 200; i++) {
        ConfigDocument document = ConfigDocument.open(file);
        if (i % 2 == 0) {
          document.set("server/port", "9990").setAll("server/allowed_origins/origin", manyOrigins);
        } else {
          document
              .set("server/port", "9991")
              .setAll("server/allowed_origins/origin", List.of("http://localhost:*"));
        }
        document.save(AtomicFiles::write);
      }
    } finally {
      writing.set(false);
    }

    assertThat(reads.get(30, TimeUnit.SECONDS)).isPositive();
    assertThat(filesIn(directory)).containsExactly("libreconnect.xml");
    assertThat(ConfigLoader.load(file).server().port()).isEqualTo(9991);
  }

  private Path original() throws IOException {
    Path file = directory.resolve("libreconnect.xml");
    Files.writeString(file, ORIGINAL);
    return file;
  }

  private static List<String> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean isPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

}
