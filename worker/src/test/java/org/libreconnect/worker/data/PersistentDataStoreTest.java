package org.libreconnect.worker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentDataStoreTest {

  private static final int LIMIT = 1024;

  @TempDir Path root;

  private Path directory() {
    return root.resolve("persistent");
  }

  private PersistentDataStore store() {
    return new PersistentDataStore(directory(), LIMIT);
  }

  @Test
  void anApplicationWithoutDataHasAnEmptyBlob() {
    PersistentDataStore store = store();

    assertThat(store.get("app")).isEmpty();
    assertThat(store.size("app")).isZero();
    assertThat(directory()).doesNotExist();
  }

  @Test
  void putStoresAndOverwrites() {
    PersistentDataStore store = store();

    store.put("app", bytes("first, longer version"));
    store.put("app", bytes("second"));

    assertThat(store.get("app")).isEqualTo(bytes("second"));
    assertThat(store.size("app")).isEqualTo(6);
  }

  @Test
  void applicationsDoNotShareBlobs() {
    PersistentDataStore store = store();

    store.put("app-a", bytes("A"));
    store.put("app-b", bytes("BB"));

    assertThat(store.get("app-a")).isEqualTo(bytes("A"));
    assertThat(store.get("app-b")).isEqualTo(bytes("BB"));
  }

  @Test
  void dataSurvivesANewInstance() {
    store().put("app", bytes("kept across restarts"));

    assertThat(store().get("app")).isEqualTo(bytes("kept across restarts"));
  }

  @Test
  void clearDeletesTheBlobAndIsHarmlessWhenThereIsNone() {
    PersistentDataStore store = store();
    store.put("app", bytes("x"));

    store.clear("app");
    store.clear("app");
    store.clear("never-written");

    assertThat(store.get("app")).isEmpty();
    assertThat(store.size("app")).isZero();
  }

  @Test
  void theFileIsNamedByTheSha256OfTheUtf8ApplicationId() throws IOException {
    PersistentDataStore store = store();

    store.put("abc", bytes("x"));

    String sha256OfAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertThat(fileNames()).containsExactly(sha256OfAbc + ".bin");
  }

  @Test
  void nullAndEmptyApplicationIdsAreTheSameDefaultApplication() throws IOException {
    PersistentDataStore store = store();

    store.put(null, bytes("default"));

    assertThat(store.get("")).isEqualTo(bytes("default"));
    String sha256OfEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assertThat(fileNames()).containsExactly(sha256OfEmpty + ".bin");
  }

  @Test
  void anyApplicationIdStaysInsideTheDirectory() throws IOException {
    PersistentDataStore store = store();

    for (String id : List.of("../../escape", "/etc/passwd", "a\\b", "été ✓", "x".repeat(5000))) {
      store.put(id, bytes(id.substring(0, 3)));
      assertThat(store.get(id)).isEqualTo(bytes(id.substring(0, 3)));
    }

    assertThat(fileNames()).hasSize(5).allMatch(name -> name.matches("[0-9a-f]{64}\\.bin"));
    try (Stream<Path> all = Files.list(root)) {
      assertThat(all).containsExactly(directory());
    }
  }

  @Test
  void theDirectoryAndFilesAreOwnerOnlyOnPosix() throws IOException {
    assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    PersistentDataStore store = store();

    store.put("app", bytes("x"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory()))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileFor("app"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aTooLargeBlobIsRefusedAndNothingIsWritten() throws IOException {
    PersistentDataStore store = store();
    store.put("app", bytes("previous"));

    DataTooLargeException e =
        catchThrowableOfType(DataTooLargeException.class, () -> store.put("app", new byte[LIMIT + 1]));

    assertThat(e.attemptedBytes()).isEqualTo(LIMIT + 1);
    assertThat(e.limitBytes()).isEqualTo(LIMIT);
    assertThat(e).hasMessageContaining("the application's persistent data")
        .hasMessageNotContaining("\"app\"");
    assertThat(store.get("app")).isEqualTo(bytes("previous"));
    assertThat(fileNames()).hasSize(1);
    assertThatThrownBy(() -> store().put("other", new byte[LIMIT + 1])).isInstanceOf(DataTooLargeException.class);
    assertThat(store.size("other")).isZero();
  }

  @Test
  void aBlobOfExactlyTheLimitFits() {
    PersistentDataStore store = store();

    store.put("app", new byte[LIMIT]);

    assertThat(store.size("app")).isEqualTo(LIMIT);
    assertThat(store.maxBytes()).isEqualTo(LIMIT);
  }

  @Test
  void aWriteThatFailsHalfWayKeepsTheOldBlobAndLeavesNoTemporaryFile() throws IOException {
    store().put("app", bytes("old content"));
    BlobWriter diskFullHalfWay =
        (out, data) -> {
          out.write(data, 0, data.length / 2);
          throw new IOException("No space left on device (simulated)");
        };
    PersistentDataStore failing = new PersistentDataStore(directory(), LIMIT, diskFullHalfWay);

    assertThatThrownBy(() -> failing.put("app", new byte[LIMIT]))
        .isInstanceOf(PersistentDataAccessException.class)
        .hasMessageContaining("the application's persistent data")
        .hasMessageNotContaining("\"app\"")
        .hasMessageContaining("No space left on device")
        .hasCauseInstanceOf(IOException.class);

    assertThat(store().get("app")).isEqualTo(bytes("old content"));
    assertThat(fileNames()).containsExactly(PersistentDataStore.fileNameFor("app"));
  }

  @Test
  void aWriteRefusedByTheFileSystemKeepsTheOldBlob() throws Exception {
    PersistentDataStore store = store();
    store.put("app", bytes("old content"));
    assumeTrue(
        directory().getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    Files.setPosixFilePermissions(directory(), PosixFilePermissions.fromString("r-x------"));
    // root ignores the permissions: the folder is made immutable instead (ext4 and most Linux file
    // systems refuse any change in it, to root as well)
    boolean immutable = Files.isWritable(directory()) && immutable(directory(), true);
    try {
      assumeTrue(!Files.isWritable(directory()) || immutable,
          "the file system can refuse a write to this user (permissions, or chattr +i for root)");

      assertThatThrownBy(() -> store.put("app", bytes("new content")))
          .isInstanceOf(PersistentDataAccessException.class);

      assertThat(store.get("app")).isEqualTo(bytes("old content"));
      assertThat(fileNames()).containsExactly(PersistentDataStore.fileNameFor("app"));
    } finally {
      if (immutable) {
        immutable(directory(), false);
      }
      Files.setPosixFilePermissions(directory(), PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** {@code chattr +i} or {@code -i}; false when the tool or the file system cannot. */
  private static boolean immutable(Path folder, boolean on) throws Exception {
    try {
      Process chattr = new ProcessBuilder("chattr", on ? "+i" : "-i", folder.toString())
          .redirectErrorStream(true).start();
      chattr.getInputStream().readAllBytes();
      return chattr.waitFor() == 0;
    } catch (IOException noTool) {
      return false;
    }
  }

  @Test
  void aFailedRenameLeavesNoTemporaryFile() throws IOException {
    PersistentDataStore store = store();
    store.put("other", bytes("x"));
    Path blocked = store.fileFor("app");
    Files.createDirectory(blocked);
    Files.writeString(blocked.resolve("keeps-the-directory-non-empty"), "x");

    assertThatThrownBy(() -> store.put("app", bytes("new content")))
        .isInstanceOf(PersistentDataAccessException.class);

    assertThat(fileNames()).containsExactlyInAnyOrder(
        PersistentDataStore.fileNameFor("other"), PersistentDataStore.fileNameFor("app"));
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> new PersistentDataStore(directory(), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(directory())) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
