package org.libreconnect.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a file so that a reader sees either the old content or the new, never a mix: the new
 * content goes to a temporary file in the same directory, is forced to disk, then renamed over the
 * target in one atomic step. On failure the target is untouched and the temporary file deleted.
 */
final class AtomicFileWriter {

  /** The final rename; a fake in tests makes it fail. */
  @FunctionalInterface
  interface Mover {
    void move(Path source, Path target) throws IOException;
  }

  private final Mover mover;

  AtomicFileWriter() {
    this(
        (source, target) ->
            Files.move(
                source,
                target,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING));
  }

  AtomicFileWriter(Mover mover) {
    this.mover = mover;
  }

  /**
   * Writes {@code content} to {@code file}. A symbolic link is followed, so the link stays and its
   * target is replaced. The POSIX permissions of an existing file are kept; a new file is readable
   * and writable by its owner only.
   *
   * @throws ConfigException when the file cannot be written; it is then unchanged
   */
  void write(Path file, byte[] content) {
    Path temp = null;
    boolean moved = false;
    try {
      Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
      Path directory = target.getParent();
      Files.createDirectories(directory);
      Optional<Set<PosixFilePermission>> permissions = permissionsOf(target);
      temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
      if (permissions.isPresent()) {
        Files.setPosixFilePermissions(temp, permissions.get());
      }
      writeAndForce(temp, content);
      mover.move(temp, target);
      moved = true;
      forceDirectory(directory);
    } catch (IOException e) {
      throw new ConfigException("cannot write " + file + ": " + e, e);
    } finally {
      if (temp != null && !moved) {
        deleteQuietly(temp);
      }
    }
  }

  private static Optional<Set<PosixFilePermission>> permissionsOf(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null || !Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(view.readAttributes().permissions());
  }

  private static void writeAndForce(Path file, byte[] content) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Makes the rename itself durable where the platform allows syncing a directory. */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a directory this way; the rename is already done.
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Nothing more can be done; the name starts with a dot and ends in .tmp.
    }
  }
}
