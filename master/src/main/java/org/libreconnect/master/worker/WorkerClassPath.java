package org.libreconnect.master.worker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The class path of a worker JVM (docs/adr/0016-simulators-in-simulation-mode-only.md): the
 * master's own, which never holds the simulators, and in simulation mode only the jars of the
 * distribution's simulation library ({@code lib/simulation}, named by the start script in
 * {@value #SIMULATION_LIBRARY_PROPERTY}). A worker out of simulation mode gets no entry of that
 * directory, even when the master was started with one.
 */
public final class WorkerClassPath {
  /** The system property through which the start script names {@code lib/simulation}. */
  public static final String SIMULATION_LIBRARY_PROPERTY = "libreconnect.simulationLibrary";

  private WorkerClassPath() {}

  /** The worker class path for this master JVM and the configuration's simulation mode. */
  public static String forThisMaster(boolean simulation) {
    return of(
        System.getProperty("java.class.path"),
        simulation,
        Optional.ofNullable(System.getProperty(SIMULATION_LIBRARY_PROPERTY))
            .filter(value -> !value.isBlank())
            .map(Path::of));
  }

  /**
   * @param masterClassPath the master's {@code java.class.path}
   * @param simulationLibrary the directory of the simulators' jars, when this is a distribution
   *     (tests run master and worker from a class path that carries what they need)
   * @throws UncheckedIOException in simulation mode, when that directory cannot be listed
   */
  static String of(String masterClassPath, boolean simulation, Optional<Path> simulationLibrary) {
    List<String> entries = new ArrayList<>();
    for (String entry : masterClassPath.split(File.pathSeparator)) {
      if (!entry.isEmpty() && simulationLibrary.map(dir -> !isIn(entry, dir)).orElse(true)) {
        entries.add(entry);
      }
    }
    if (simulation && simulationLibrary.isPresent()) {
      entries.addAll(jars(simulationLibrary.get()));
    }
    return String.join(File.pathSeparator, entries);
  }

  private static boolean isIn(String entry, Path directory) {
    Path parent = Path.of(entry).toAbsolutePath().normalize().getParent();
    return parent != null && parent.equals(directory.toAbsolutePath().normalize());
  }

  private static List<String> jars(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".jar"))
          .map(file -> file.toAbsolutePath().normalize().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "simulation mode: the simulators' directory " + directory + " cannot be read", e);
    }
  }
}
