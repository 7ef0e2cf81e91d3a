package org.libreconnect.master.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.libreconnect.runtime.ProcessDeadline;

/**
 * Looks OS accounts up by name through the system's name service ({@code getent passwd}), so that
 * directory accounts (LDAP, Active Directory through SSSD or winbind) of a terminal server are
 * found as well as local ones. Blocking: never call on an event-loop thread.
 */
public final class OsUsers {
  /** POSIX portable user names, plus the '@' and '\' of directory accounts. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._@\\\\-]{0,63}");
  private static final Duration DEADLINE = Duration.ofSeconds(5);

  /**
   * The uid of the account, empty when there is none or the name cannot be an account name.
   *
   * @throws IOException when the name service does not answer in time
   */
  public OptionalInt uidOf(String name) throws IOException {
    Optional<OsAccount> account = find(name);
    return account.isEmpty() ? OptionalInt.empty() : OptionalInt.of(account.get().uid());
  }

  /**
   * The account, empty when there is none or the name cannot be an account name.
   *
   * @throws IOException when the name service does not answer in time
   */
  public Optional<OsAccount> find(String name) throws IOException {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Process process = new ProcessBuilder("getent", "passwd", name).redirectErrorStream(true).start();
    int exit = ProcessDeadline.await(process, DEADLINE, "the name service look-up");
    String line = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (exit != 0 || line.isEmpty()) {
      return Optional.empty();
    }
    // name:password:uid:gid:gecos:home:shell
    String[] fields = line.split("\n", 2)[0].split(":", -1);
    if (fields.length < 7) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new OsAccount(fields[0], Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), Path.of(fields[5])));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // java.nio.file.InvalidPathException is one
    }
  }
}
