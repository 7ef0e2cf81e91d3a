package org.libreconnect.master.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.libreconnect.runtime.DirectLogbackProvider;

/**
 * The exact command line of a worker JVM: the master's own {@code java}, the worker class path
 * ({@link WorkerClassPath}), a marker that ties the process to this installation (used by zombie cleaning), and the
 * link port. No shell is involved; the secret token goes through standard input, not argv.
 */
public record WorkerCommandLine(
    Path javaExecutable,
    String classPath,
    List<String> jvmOptions,
    String homeMarker,
    int linkPort,
    Path logDirectory,
    int workerId) {

  public static final String MAIN_CLASS = "org.libreconnect.worker.WorkerMain";

  /**
   * Options that keep an idle worker small and quick to start; native access is granted because
   * the worker calls the PKCS#11 library directly (JNA) for what SunPKCS11 hides. SLF4J is told
   * its provider ({@link DirectLogbackProvider}) instead of searching the class path for one, and
   * keeps its note that it did so off the worker's console.
   */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-Xms16m", "-Xmx512m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
          "-Dslf4j.provider=" + DirectLogbackProvider.CLASS_NAME, "-Dslf4j.internal.verbosity=WARN");

  /** The JDKs on which {@link #fixedClassDataAddressOptions} was measured and has its meaning. */
  static final int FIXED_ADDRESS_FIRST_JDK = 21;

  static final int FIXED_ADDRESS_LAST_JDK = 25;

  /**
   * Options that map a worker's class data (the JDK's archive and the workers' own) at the
   * address recorded in the archive instead of a random one ({@code ArchiveRelocationMode=0}, a
   * diagnostic option of HotSpot, hence its unlock): the archive's pages then stay those of the
   * file, shared by every worker, instead of a private copy each worker's relocation writes
   * (ADR 0031). Empty on a JDK outside the versions it was measured on, where the option may
   * mean something else or be gone (a JVM refuses to start on an unknown {@code -XX} option).
   */
  public static List<String> fixedClassDataAddressOptions(Runtime.Version jdk) {
    if (jdk.feature() < FIXED_ADDRESS_FIRST_JDK || jdk.feature() > FIXED_ADDRESS_LAST_JDK) {
      return List.of();
    }
    return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
  }

  /** The dynamic class-data archive of the connector's own workers, under its data folder. */
  public static final String CLASS_ARCHIVE = "worker-classes.jsa";

  /**
   * Class data sharing for workers run as the connector's account: the first worker that exits
   * writes the archive of the classes it loaded ({@code -XX:+AutoCreateSharedArchive}), later
   * workers map it instead of loading and verifying those classes again. The JVM checks the
   * archive against its own build and the class path, silently runs without it when it is
   * absent, stale or unreadable, and writes a new one then. Its messages are kept out of the
   * worker's console.
   */
  public static List<String> classSharingOptions(Path archive) {
    return classSharingOptions(archive.toString());
  }

  /**
   * The same for {@code archives}: one dynamic archive, or a base archive and the dynamic archive
   * laid on it, separated by {@link java.io.File#pathSeparator}.
   */
  static List<String> classSharingOptions(String archives) {
    return List.of(
        "-XX:SharedArchiveFile=" + archives, "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  /**
   * Whether the JVM can archive classes loaded from {@code classPath}: only from jars (a
   * distribution, {@code ./run.sh}); a class path with class folders (a build's test run) cannot.
   */
  public static boolean canShareClasses(String classPath) {
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty() && !entry.endsWith(".jar")) {
        return false;
      }
    }
    return !classPath.isBlank();
  }

  public List<String> toArgv() {
    List<String> argv = new ArrayList<>();
    argv.add(javaExecutable.toString());
    argv.addAll(jvmOptions);
    argv.add(homeMarker);
    argv.add("-Dlibreconnect.role=worker");
    argv.add("-cp");
    argv.add(classPath);
    argv.add(MAIN_CLASS);
    argv.add("--link-port");
    argv.add(Integer.toString(linkPort));
    argv.add("--log-dir");
    argv.add(logDirectory.toString());
    argv.add("--worker-id");
    argv.add(Integer.toString(workerId));
    return List.copyOf(argv);
  }
}
