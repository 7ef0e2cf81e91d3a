package org.libreconnect.dmp;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** OIDs in the UUID arc {@code 2.25} (ITU-T X.667): unique identifiers that need no registry. */
public final class Oids {
  private Oids() {}

  /** {@code 2.25.<uuid as an unsigned integer>}. */
  public static String of(UUID uuid) {
    ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits());
    return "2.25." + new BigInteger(1, bytes.array());
  }

  /** A fresh one. */
  public static String random() {
    return of(UUID.randomUUID());
  }
}
