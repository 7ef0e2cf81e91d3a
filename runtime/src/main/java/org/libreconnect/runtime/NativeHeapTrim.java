package org.libreconnect.runtime;

import java.util.List;
import java.util.Locale;

/**
 * The JVM option that hands back to the system the native memory a JVM freed after its start:
 * glibc keeps what the JIT compilers and class loading freed (about 20 MB of an idle worker)
 * unless asked to trim it, which {@code -XX:TrimNativeHeapInterval} does from JDK 22 on Linux.
 * The one rule for workers (the master's command line for them), the launchers (their script
 * {@code bin/jvm-memory-options.sh}, checked against this class by the installer's tests) and the
 * test harness's masters.
 */
public final class NativeHeapTrim {
  /** How often the JVM trims its native heap, in milliseconds. */
  public static final int INTERVAL_MILLIS = 2000;

  /** The first JDK with the option as such. */
  public static final int FIRST_JDK = 22;

  private NativeHeapTrim() {}

  /** The options for a JVM of version {@code jdk} on system {@code osName}; none elsewhere. */
  public static List<String> options(Runtime.Version jdk, String osName) {
    if (jdk.feature() >= FIRST_JDK && osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return List.of("-XX:TrimNativeHeapInterval=" + INTERVAL_MILLIS);
    }
    return List.of();
  }

  /** The options for a JVM like this one. */
  public static List<String> forThisJvm() {
    return options(Runtime.version(), System.getProperty("os.name"));
  }
}
