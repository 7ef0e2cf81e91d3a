package org.libreconnect.master.user;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An OS account, as the name service knows it: the user a terminal-server session's worker runs
 * as (docs/adr/0026).
 *
 * @param name the account name the name service answered for
 * @param uid its user id
 * @param gid its primary group id
 * @param home its home directory, where its workers keep their logs and data
 */
public record OsAccount(String name, int uid, int gid, Path home) {
  public OsAccount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(home, "home");
  }

  @Override
  public String toString() {
    return name + "(" + uid + ")";
  }
}
