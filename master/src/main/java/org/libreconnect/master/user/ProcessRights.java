package org.libreconnect.master.user;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * May this process start a program as another user? Read from the kernel
 * ({@code /proc/self/status}): yes when it runs as root, or holds {@code CAP_SETUID} and
 * {@code CAP_SETGID} as ambient capabilities, which the program it starts ({@code setpriv})
 * inherits (the terminal-server drop-in of the system service grants them, docs/install.md).
 */
public final class ProcessRights {
  private static final int CAP_SETGID = 6;
  private static final int CAP_SETUID = 7;

  private final int uid;
  private final boolean canSwitch;

  ProcessRights(int uid, boolean canSwitch) {
    this.uid = uid;
    this.canSwitch = canSwitch;
  }

  /** This process's rights, read once. */
  public static ProcessRights current() {
    return parse(Path.of("/proc/self/status"));
  }

  static ProcessRights parse(Path status) {
    try {
      return parse(Files.readAllLines(status, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return new ProcessRights(-1, false); // not Linux: no user switching
    }
  }

  static ProcessRights parse(List<String> lines) {
    int effectiveUid = -1;
    BigInteger ambient = BigInteger.ZERO;
    for (String line : lines) {
      String[] fields = line.split("\\s+");
      if (fields[0].equals("Uid:") && fields.length > 2) {
        effectiveUid = Integer.parseInt(fields[2]);
      } else if (fields[0].equals("CapAmb:") && fields.length > 1) {
        ambient = new BigInteger(fields[1], 16);
      }
    }
    boolean switching =
        effectiveUid == 0 || (ambient.testBit(CAP_SETUID) && ambient.testBit(CAP_SETGID));
    return new ProcessRights(effectiveUid, switching);
  }

  /** The effective uid of this process; -1 when unknown. */
  public int uid() {
    return uid;
  }

  /** Whether a worker for {@code account} can be started: it is this process's user, or it may switch. */
  public boolean mayRunAs(OsAccount account) {
    return account.uid() == uid || canSwitch;
  }
}
