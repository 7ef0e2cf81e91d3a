package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.runtime.AtomicFiles.Access;

class AtomicFilesTest {

  @TempDir Path directory;

  @Test
  void writesTheWholeContent() throws IOException {
    Path file = directory.resolve("data.bin");
    byte[] content = new byte[300_000];
    Arrays.fill(content, (byte) 'x');
    content[content.length - 1] = 'y';

    AtomicFiles.write(file, content);

    assertThat(Files.readAllBytes(file)).isEqualTo(content);
    assertThat(names(directory)).containsExactly("data.bin");
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path file = Files.writeString(directory.resolve("a.txt"), "a much longer old content");

    AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));

    assertThat(file).hasContent("new");
  }

  @Test
  void aContentThatClosesTheStreamIsStillForcedAndComplete() throws IOException {
    Path file = directory.resolve("closed.txt");

    AtomicFiles.write(
        file,
        out -> {
          out.write("closed early".getBytes(StandardCharsets.UTF_8));
          out.close();
        },
        Access.OWNER_ONLY);

    assertThat(file).hasContent("closed early");
  }

  @Test
  void aNewFileIsOwnerOnly() throws IOException {
    assumeTrue(posix(), "POSIX permissions");
    Path file = directory.resolve("secret.pem");

    AtomicFiles.write(file, "key".getBytes(StandardCharsets.US_ASCII));

    assertThat(permissions(file)).isEqualTo("rw-------");
  }

  @Test
  void anOwnerOnlyWriteNarrowsAWiderFile() throws IOException {
    assumeTrue(posix(), "POSIX permissions");
    Path file = Files.writeString(directory.resolve("libreconnect.xml"), "<libreconnect/>");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    AtomicFiles.write(file, "<libreconnect></libreconnect>".getBytes(StandardCharsets.UTF_8));

    assertThat(permissions(file)).isEqualTo("rw-------");
  }

  @Test
  void aWorldReadableWriteKeepsTheExistingPermissionsAndOpensNewFiles() throws IOException {
    assumeTrue(posix(), "POSIX permissions");
    Path existing = Files.writeString(directory.resolve("hosts"), "127.0.0.1 localhost\n");
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-r--"));
    Path created = directory.resolve("policies").resolve("policies.json");

    AtomicFiles.write(existing, "::1 localhost\n".getBytes(StandardCharsets.US_ASCII), Access.WORLD_READABLE);
    AtomicFiles.write(created, "{}".getBytes(StandardCharsets.US_ASCII), Access.WORLD_READABLE);

    assertThat(permissions(existing)).isEqualTo("rw-rw-r--");
    assertThat(permissions(created)).isEqualTo("rw-r--r--");
    assertThat(permissions(created.getParent())).isEqualTo("rwxr-xr-x");
  }

  @Test
  void createsMissingDirectoriesOwnerOnly() throws IOException {
    assumeTrue(posix(), "POSIX permissions");
    Path file = directory.resolve("a").resolve("b").resolve("c.txt");

    AtomicFiles.write(file, new byte[] {1});

    assertThat(permissions(directory.resolve("a"))).isEqualTo("rwx------");
    assertThat(permissions(directory.resolve("a").resolve("b"))).isEqualTo("rwx------");
  }

  @Test
  void aFailingContentLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = Files.writeString(directory.resolve("data.bin"), "old");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      out.write(new byte[100_000]);
                      throw new IOException("No space left on device (simulated)");
                    },
                    Access.OWNER_ONLY))
        .isInstanceOf(IOException.class)
        .hasMessage("No space left on device (simulated)");

    assertThat(file).hasContent("old");
    assertThat(names(directory)).containsExactly("data.bin");
  }

  @Test
  void anUncheckedFailureOfTheContentAlsoRemovesTheTemporaryFile() throws IOException {
    Path file = directory.resolve("new.bin");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      throw new IllegalStateException("encoder broke");
                    },
                    Access.OWNER_ONLY))
        .isInstanceOf(IllegalStateException.class);

    assertThat(names(directory)).isEmpty();
  }

  @Test
  void aRenameOntoADirectoryFailsAndLeavesNoTemporaryFile() throws IOException {
    Path target = Files.createDirectory(directory.resolve("taken"));
    Files.writeString(target.resolve("inside"), "x");

    assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1}))
        .isInstanceOf(IOException.class);

    assertThat(names(directory)).containsExactly("taken");
    assertThat(target).isDirectory();
  }

  @Test
  void aFileSystemWithoutAtomicRenameIsRefusedWithoutFallback() throws IOException {
    Path file = Files.writeString(directory.resolve("data.bin"), "old");
    AtomicFiles.Rename noAtomicMove =
        (temp, target) -> {
          assertThat(temp).exists().hasParent(target.getParent());
          throw new AtomicMoveNotSupportedException(temp.toString(), target.toString(), "no");
        };

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file, out -> out.write(new byte[] {1, 2}), Access.OWNER_ONLY, noAtomicMove))
        .isInstanceOf(AtomicMoveNotSupportedException.class)
        .hasMessageContaining("cannot replace a file in one atomic rename")
        .hasMessageContaining("left unchanged");

    assertThat(file).hasContent("old");
    assertThat(names(directory)).containsExactly("data.bin");
  }

  @Test
  void aParentThatIsAFileFailsWithoutLeavingAnything() throws IOException {
    Path notADirectory = Files.writeString(directory.resolve("plain"), "x");

    assertThatThrownBy(() -> AtomicFiles.write(notADirectory.resolve("child.txt"), new byte[] {1}))
        .isInstanceOf(IOException.class);

    assertThat(names(directory)).containsExactly("plain");
    assertThat(notADirectory).hasContent("x");
  }

  @Test
  void replacesTheTargetOfASymbolicLink() throws IOException {
    Path real = Files.writeString(directory.resolve("real.xml"), "old");
    Path link = Files.createSymbolicLink(directory.resolve("link.xml"), real);

    AtomicFiles.write(link, "new".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("new");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentWritersLeaveOneWholeFile() throws Exception {
    Path file = directory.resolve("shared.bin");
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        byte[] content = new byte[200_000 + w * 1000];
        Arrays.fill(content, (byte) ('a' + w));
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 20; i++) {
                    AtomicFiles.write(file, content);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(50, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    byte[] result = Files.readAllBytes(file);
    int w = result[0] - 'a';
    assertThat(w).isBetween(0, writers - 1);
    byte[] expected = new byte[200_000 + w * 1000];
    Arrays.fill(expected, (byte) ('a' + w));
    assertThat(result).isEqualTo(expected);
    assertThat(names(directory)).containsExactly("shared.bin");
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
