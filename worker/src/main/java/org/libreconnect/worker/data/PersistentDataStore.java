package org.libreconnect.worker.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.libreconnect.runtime.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One blob per application that survives restarts (JS2 {@code hl_setPersistantData} and co.).
 *
 * <p>Layout: the blob of an application lives in {@code <directory>/<sha256>.bin}, where
 * {@code <sha256>} is the lowercase hex SHA-256 of the UTF-8 application id, so any id (slashes,
 * dots, non-ASCII) maps to a safe file name. A null or empty application id designates the
 * "default" application; both map to the same file (the hash of the empty string).
 *
 * <p>The directory is created on first write, owner-only ({@code rwx------}) where the file system
 * has POSIX permissions; on other file systems it inherits the parent's access rules. Blob files are
 * owner-only ({@code rw-------}) on POSIX.
 *
 * <p>Writes go through {@link AtomicFiles}: a reader, in this process or in another worker process
 * sharing the directory, sees either the whole old blob or the whole new one. A failed write leaves
 * the old blob in place and removes its temporary file. Instances keep no state besides
 * their settings, so any number of them may share a directory.
 */
public final class PersistentDataStore {

  private static final Logger log = LoggerFactory.getLogger(PersistentDataStore.class);
  private static final String BLOB_SUFFIX = ".bin";

  private final Path directory;
  private final long maxBytes;
  private final BlobWriter writer;

  /**
   * @param directory where the blobs live; created on the first write if missing
   * @param maxBytes the largest blob accepted, in bytes; positive
   */
  public PersistentDataStore(Path directory, long maxBytes) {
    this(directory, maxBytes, BlobWriter.WHOLE_BUFFER);
  }

  PersistentDataStore(Path directory, long maxBytes, BlobWriter writer) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    this.directory = Objects.requireNonNull(directory, "directory");
    this.maxBytes = maxBytes;
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /**
   * Replaces the application's blob.
   *
   * @param applicationId the application; null or empty for the default application
   * @param data the new blob
   * @throws DataTooLargeException when {@code data} is longer than {@link #maxBytes()}; nothing is
   *     written
   * @throws PersistentDataAccessException when the file cannot be written; the old blob is intact
   */
  public void put(String applicationId, byte[] data) {
    Objects.requireNonNull(data, "data");
    if (data.length > maxBytes) {
      throw new DataTooLargeException(subject(applicationId), data.length, maxBytes);
    }
    Path target = fileFor(applicationId);
    try {
      replace(target, data);
    } catch (IOException e) {
      throw new PersistentDataAccessException("cannot write " + subject(applicationId) + " to " + target, e);
    }
    log.debug("persistent.put file={} bytes={}", target.getFileName(), data.length);
  }

  /**
   * @param applicationId the application; null or empty for the default application
   * @return the application's blob, or an empty array when it has none
   * @throws PersistentDataAccessException when the file exists but cannot be read
   */
  public byte[] get(String applicationId) {
    Path file = fileFor(applicationId);
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new byte[0];
    } catch (IOException e) {
      throw new PersistentDataAccessException("cannot read " + subject(applicationId) + " from " + file, e);
    }
  }

  /**
   * Deletes the application's blob; does nothing when it has none.
   *
   * @throws PersistentDataAccessException when the file cannot be deleted
   */
  public void clear(String applicationId) {
    Path file = fileFor(applicationId);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new PersistentDataAccessException("cannot delete " + subject(applicationId) + " at " + file, e);
    }
  }

  /**
   * @return the size of the application's blob in bytes, 0 when it has none
   * @throws PersistentDataAccessException when the file exists but its size cannot be read
   */
  public long size(String applicationId) {
    Path file = fileFor(applicationId);
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new PersistentDataAccessException("cannot read the size of " + subject(applicationId) + " at " + file, e);
    }
  }

  /** The largest blob accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The file that holds (or would hold) the application's blob. */
  Path fileFor(String applicationId) {
    return directory.resolve(fileNameFor(applicationId));
  }

  /** Lowercase hex SHA-256 of the UTF-8 application id (null counts as empty) plus {@code .bin}. */
  static String fileNameFor(String applicationId) {
    String id = applicationId == null ? "" : applicationId;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash) + BLOB_SUFFIX;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  private void replace(Path target, byte[] data) throws IOException {
    AtomicFiles.write(target, out -> writer.write(out, data), AtomicFiles.Access.OWNER_ONLY);
  }

  /** Names the data in messages without quoting the application id (errors never quote input). */
  private static String subject(String applicationId) {
    return "the application's persistent data";
  }
}
