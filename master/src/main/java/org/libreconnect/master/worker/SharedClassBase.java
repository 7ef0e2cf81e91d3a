package org.libreconnect.master.worker;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.libreconnect.runtime.ProcessDeadline;

/**
 * The base class-data archive of an installation's workers (ADR 0037): the JDK's own classes,
 * dumped by the JDK ({@code -Xshare:dump}) at an address drawn at random when the archive is
 * made, under which the workers' dynamic archive is layered. Workers map both at that address
 * ({@code ArchiveRelocationMode=0}), so that the pages are the files', shared by every worker of
 * the installation, instead of a private relocated copy in each; the address is the
 * installation's own, drawn again with each new archive (an upgrade of the JDK or the jars), not
 * the JDK's well-known one.
 *
 * <p>Only where it was measured: Linux on x86-64, JDK 21 to 25 ({@link
 * WorkerCommandLine#fixedClassDataAddressOptions}).
 */
final class SharedClassBase {
  /** The base archive, in the connector's data folder. */
  static final String FILE = "worker-base.jsa";

  /**
   * The range addresses are drawn from: above where the JVM puts a compressed-oops heap (below
   * 32 GiB) and the class space after it, below where Linux puts executables and shared libraries
   * (from {@code 0x5555…} up), so that the range is free in a new worker and the JVM has no
   * reason to relocate.
   */
  static final long LOWEST_ADDRESS = 0x10_0000_0000L;

  static final long HIGHEST_ADDRESS = 0x5000_0000_0000L;

  /** Addresses are multiples of 32 MiB: about 2.6 million possible places (21 bits). */
  static final long ALIGNMENT = 1L << 25;

  /** How long the JDK may take to dump the base archive (0.75 s measured on two cores). */
  static final Duration DUMP_DEADLINE = Duration.ofSeconds(60);

  private SharedClassBase() {}

  /** Makes the base archive {@code target} at {@code address}; blocking. */
  @FunctionalInterface
  interface Maker {
    void make(Path target, long address) throws IOException;
  }

  /** Whether this platform and JDK can share class data at an address of the installation's own. */
  static boolean available(Runtime.Version jdk, String osName, String osArch) {
    return osName.toLowerCase(Locale.ROOT).startsWith("linux")
        && List.of("amd64", "x86_64").contains(osArch)
        && !WorkerCommandLine.fixedClassDataAddressOptions(jdk).isEmpty();
  }

  /** Whether the JVM running this code can. */
  static boolean availableHere() {
    return available(Runtime.version(), System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  /** An address in [{@link #LOWEST_ADDRESS}, {@link #HIGHEST_ADDRESS}), a multiple of {@link #ALIGNMENT}. */
  static long drawAddress(RandomGenerator random) {
    long places = (HIGHEST_ADDRESS - LOWEST_ADDRESS) / ALIGNMENT;
    return LOWEST_ADDRESS + random.nextLong(places) * ALIGNMENT;
  }

  /**
   * A worker's class-data options: the base archive and the dynamic archive layered on it, which
   * the first worker to exit writes ({@code -XX:+AutoCreateSharedArchive}; the JVM also writes it
   * again when it was made on another base), both mapped at the address recorded in them. The
   * JVM's messages about them stay off the worker's console.
   */
  static List<String> workerOptions(Path base, Path dynamicArchive, Runtime.Version jdk) {
    List<String> options =
        new java.util.ArrayList<>(WorkerCommandLine.classSharingOptions(base + File.pathSeparator + dynamicArchive));
    options.addAll(WorkerCommandLine.fixedClassDataAddressOptions(jdk));
    return List.copyOf(options);
  }

  /**
   * The real maker: runs {@code java -Xshare:dump} with the JDK's class list into a file beside
   * the target, moved in place when whole. G1 as the JDK's own archive is dumped with, so that it
   * also holds the archived Java objects whatever collector the machine's size would pick.
   */
  static Maker dumpingWith(Path java) {
    return (target, address) -> {
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      Files.deleteIfExists(partial);
      Process dump = new ProcessBuilder(
              java.toString(),
              "-Xshare:dump",
              "-XX:+UseG1GC",
              "-XX:SharedBaseAddress=0x" + Long.toHexString(address),
              "-XX:SharedArchiveFile=" + partial)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      int exit = ProcessDeadline.await(dump, DUMP_DEADLINE, "the JDK's class-data dump");
      if (exit != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
        Files.deleteIfExists(partial);
        throw new IOException("the JDK's class-data dump ended with " + exit);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    };
  }
}
