package org.libreconnect.pkcs11;

import java.util.Locale;

/** The operating-system families that have their own Cryptolib CPS library names and places. */
public enum OperatingSystem {
  WINDOWS,
  MAC_OS,
  LINUX,
  OTHER;

  /** The family named by a JVM's {@code os.name} property. */
  public static OperatingSystem fromOsName(String osName) {
    String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return WINDOWS;
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return MAC_OS;
    }
    if (name.startsWith("linux")) {
      return LINUX;
    }
    return OTHER;
  }

  /** Whether a JVM's {@code os.arch} property names a 64-bit architecture. */
  public static boolean is64Bit(String osArch) {
    String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
    return arch.contains("64") || arch.equals("s390x");
  }
}
