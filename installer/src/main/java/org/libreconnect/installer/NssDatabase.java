package org.libreconnect.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * One NSS certificate database (a directory holding {@code cert9.db}), such as Chromium's {@code
 * ~/.pki/nssdb} or a Firefox profile, changed through {@code certutil} from Debian's
 * libnss3-tools.
 */
public final class NssDatabase {
  private static final String CERTUTIL = "certutil";
  private static final String CERTUTIL_HINT = "install the Debian package libnss3-tools";
  /** Trusted to issue TLS server certificates, nothing else. */
  private static final String SERVER_CA_TRUST = "C,,";
  private static final int MAX_COPIES = 20;

  private final Path directory;
  private final ProcessRunner processes;

  public NssDatabase(Path directory, ProcessRunner processes) {
    this.directory = directory.toAbsolutePath().normalize();
    this.processes = processes;
  }

  public Path directory() {
    return directory;
  }

  public boolean exists() {
    return Files.isRegularFile(directory.resolve("cert9.db"));
  }

  /** Creates an empty database without password when there is none. */
  public void createIfMissing() {
    if (exists()) {
      return;
    }
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
    } catch (IOException e) {
      throw new InstallerException("cannot create " + directory + ": " + e.getMessage(), e);
    }
    processes.require(List.of(CERTUTIL, "-N", "--empty-password", "-d", sqlDirectory()), CERTUTIL_HINT);
  }

  /** Trusts the CA for TLS servers, replacing any earlier LibreConnect CA. */
  public void install(CaCertificate ca) {
    remove();
    processes.require(
        List.of(CERTUTIL, "-A", "-n", CaCertificate.NSS_NICKNAME, "-t", SERVER_CA_TRUST,
            "-d", sqlDirectory(), "-i", ca.file().toAbsolutePath().toString()),
        CERTUTIL_HINT);
  }

  /** Removes every LibreConnect CA; returns how many were removed. */
  public int remove() {
    int removed = 0;
    while (contains() && removed < MAX_COPIES) {
      processes.require(
          List.of(CERTUTIL, "-D", "-n", CaCertificate.NSS_NICKNAME, "-d", sqlDirectory()), CERTUTIL_HINT);
      removed++;
    }
    return removed;
  }

  /** Whether a LibreConnect CA is in the database. */
  public boolean contains() {
    return processes
        .run(List.of(CERTUTIL, "-L", "-n", CaCertificate.NSS_NICKNAME, "-d", sqlDirectory()), CERTUTIL_HINT)
        .succeeded();
  }

  /** The database's certificate list as certutil prints it (nickname and trust flags). */
  public String list() {
    return processes.require(List.of(CERTUTIL, "-L", "-d", sqlDirectory()), CERTUTIL_HINT).output();
  }

  private String sqlDirectory() {
    return "sql:" + directory;
  }
}
