package org.libreconnect.runtime;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;

/**
 * The one way LibreConnect replaces a file: a reader sees the whole old content or the whole new
 * one, never a part, and a crash leaves one of the two on disk.
 *
 * <p>The new content goes to a temporary file {@code .<name>.<random>.tmp} in the target's own
 * directory, created owner-only; it is flushed and forced to disk, renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}, and the directory is forced to disk so that the rename
 * itself survives a power cut. When the file system cannot rename atomically the call fails with
 * {@link AtomicMoveNotSupportedException} and the target is left as it was: there is no
 * non-atomic fallback. On any failure the temporary file is deleted.
 *
 * <p>A symbolic link is followed: the link stays and the file it points to is replaced. Missing
 * parent directories are created with the {@link Access} directory permissions. Permissions apply
 * on POSIX file systems; on others (Windows) the file inherits its directory's access rules, and
 * the directory cannot be forced to disk, so that step is skipped there.
 */
public final class AtomicFiles {

  /** Who may read a written file. */
  public enum Access {
    /**
     * The file ends up {@code rw-------} whatever it was before; directories created are {@code
     * rwx------}. For everything LibreConnect keeps for itself: configuration, keys, pid files,
     * data, dumps.
     */
    OWNER_ONLY("rw-------", "rwx------", false),

    /**
     * A new file is {@code rw-r--r--} and directories created are {@code rwxr-xr-x}; an existing
     * file keeps its permissions. For system files other programs read: browser policies, the
     * hosts file, a system trust store.
     */
    WORLD_READABLE("rw-r--r--", "rwxr-xr-x", true);

    private final Set<PosixFilePermission> file;
    private final Set<PosixFilePermission> directory;
    private final boolean keepsExisting;

    Access(String file, String directory, boolean keepsExisting) {
      this.file = PosixFilePermissions.fromString(file);
      this.directory = PosixFilePermissions.fromString(directory);
      this.keepsExisting = keepsExisting;
    }
  }

  /** Writes the new content; it may close the stream or not. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  static final String TEMP_SUFFIX = ".tmp";

  /** The final rename; tests replace it with one that fails as a file system would. */
  @FunctionalInterface
  interface Rename {
    Rename ATOMIC =
        (temp, target) ->
            Files.move(
                temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    void move(Path temp, Path target) throws IOException;
  }

  private static final Set<PosixFilePermission> TEMP_PERMISSIONS =
      PosixFilePermissions.fromString("rw-------");

  private AtomicFiles() {}

  /** Replaces {@code file} with {@code content}, owner-only. */
  public static void write(Path file, byte[] content) throws IOException {
    write(file, content, Access.OWNER_ONLY);
  }

  /** Replaces {@code file} with {@code content}. */
  public static void write(Path file, byte[] content, Access access) throws IOException {
    Objects.requireNonNull(content, "content");
    write(file, out -> out.write(content), access);
  }

  /**
   * Replaces {@code file} with what {@code content} writes. When {@code content} throws, the
   * target is unchanged, the temporary file is deleted and the exception is rethrown.
   *
   * @throws AtomicMoveNotSupportedException when the file system cannot rename atomically
   * @throws IOException when the file cannot be written, renamed or made durable
   */
  public static void write(Path file, Content content, Access access) throws IOException {
    write(file, content, access, Rename.ATOMIC);
  }

  static void write(Path file, Content content, Access access, Rename rename) throws IOException {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(access, "access");
    Path target = resolveLinks(file);
    Path directory = target.getParent();
    createDirectories(directory, access);
    boolean posix = isPosix(directory);
    Set<PosixFilePermission> permissions =
        posix && access.keepsExisting && Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : access.file;

    Path temp =
        Files.createTempFile(
            directory, "." + target.getFileName() + ".", TEMP_SUFFIX, tempAttributes(posix));
    try {
      writeAndForce(temp, content);
      if (posix) {
        Files.setPosixFilePermissions(temp, permissions);
      }
      move(rename, temp, target);
    } catch (Throwable failure) {
      deleteAfterFailure(temp, failure);
      throw failure;
    }
    if (posix) {
      forceDirectory(directory);
    }
  }

  /**
   * Creates {@code directory} and its missing parents; each directory created gets the {@code
   * access} directory permissions exactly (whatever the umask), existing ones are left as they
   * are.
   */
  public static void createDirectories(Path directory, Access access) throws IOException {
    Path absolute = directory.toAbsolutePath().normalize();
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    for (Path p : missing) {
      createDirectory(p, access);
    }
  }

  private static void createDirectory(Path directory, Access access) throws IOException {
    boolean posix = isPosix(directory.getParent() == null ? directory : directory.getParent());
    try {
      if (posix) {
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(access.directory));
        Files.setPosixFilePermissions(directory, access.directory);
      } else {
        Files.createDirectory(directory);
      }
    } catch (FileAlreadyExistsException raced) {
      if (!Files.isDirectory(directory)) {
        throw raced;
      }
    }
  }

  /** The file a path names once symbolic links are followed; the path itself when it is new. */
  private static Path resolveLinks(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    return Files.exists(absolute) ? absolute.toRealPath() : absolute.normalize();
  }

  private static void writeAndForce(Path temp, Content content) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      OutputStream out =
          new BufferedOutputStream(new KeepOpen(Channels.newOutputStream(channel)), 64 * 1024);
      content.writeTo(out);
      out.flush();
      channel.force(true);
    }
  }

  private static void move(Rename rename, Path temp, Path target) throws IOException {
    try {
      rename.move(temp, target);
    } catch (AtomicMoveNotSupportedException e) {
      AtomicMoveNotSupportedException refused =
          new AtomicMoveNotSupportedException(
              temp.toString(),
              target.toString(),
              "the file system cannot replace a file in one atomic rename; the file was left"
                  + " unchanged");
      refused.initCause(e);
      throw refused;
    }
  }

  /** Makes the rename durable: the directory entry is on disk once this returns. */
  private static void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw new IOException(
          "replaced a file in " + directory + " but could not force the directory to disk", e);
    }
  }

  private static void deleteAfterFailure(Path temp, Throwable failure) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static FileAttribute<?>[] tempAttributes(boolean posix) {
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(TEMP_PERMISSIONS)}
        : new FileAttribute<?>[0];
  }

  static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Passes writes through; closing only flushes, so the channel stays open to be forced. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
