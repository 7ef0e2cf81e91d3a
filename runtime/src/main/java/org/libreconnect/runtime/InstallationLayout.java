package org.libreconnect.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Where an installation keeps its configuration, logs, data, pid files and TLS material. */
public record InstallationLayout(Path home) {

  /** System property naming the home directory; also the marker on our processes' command lines. */
  public static final String HOME_PROPERTY = "libreconnect.home";

  /** Environment variable naming the home directory when the system property is absent. */
  public static final String HOME_ENVIRONMENT_VARIABLE = "LIBRECONNECT_HOME";

  /** Directory under the user's home used when neither the property nor the variable is set. */
  public static final String DEFAULT_DIRECTORY_NAME = ".libreconnect";

  private static final String OWNER_ONLY = "rwx------";

  /** The home is kept absolute and normalised so that every process spells it the same way. */
  public InstallationLayout {
    Objects.requireNonNull(home, "home");
    home = home.toAbsolutePath().normalize();
  }

  /**
   * The layout named by the system property {@value #HOME_PROPERTY}, else the environment variable
   * {@value #HOME_ENVIRONMENT_VARIABLE}, else {@code ~/.libreconnect}.
   */
  public static InstallationLayout fromSystem() {
    return resolve(
        System.getProperty(HOME_PROPERTY),
        System.getenv(HOME_ENVIRONMENT_VARIABLE),
        System.getProperty("user.home"));
  }

  static InstallationLayout resolve(String property, String environment, String userHome) {
    if (property != null && !property.isBlank()) {
      return new InstallationLayout(Path.of(property.strip()));
    }
    if (environment != null && !environment.isBlank()) {
      return new InstallationLayout(Path.of(environment.strip()));
    }
    return new InstallationLayout(Path.of(userHome, DEFAULT_DIRECTORY_NAME));
  }

  /** The configuration file, {@code <home>/libreconnect.xml}. */
  public Path configFile() {
    return home.resolve("libreconnect.xml");
  }

  /** The log directory, {@code <home>/logs}. */
  public Path logDir() {
    return home.resolve("logs");
  }

  /** The per-session log directory, {@code <home>/logs/sessions}. */
  public Path sessionsLogDir() {
    return logDir().resolve("sessions");
  }

  /** The data directory, {@code <home>/data}. */
  public Path dataDir() {
    return home.resolve("data");
  }

  /** Data kept across sessions, {@code <home>/data/persistent}. */
  public Path persistentDataDir() {
    return dataDir().resolve("persistent");
  }

  /** The pid files, {@code <home>/run}. */
  public Path runDir() {
    return home.resolve("run");
  }

  /** The TLS keys and certificates, {@code <home>/tls}. */
  public Path tlsDir() {
    return home.resolve("tls");
  }

  /**
   * Creates the home and every directory of the layout that is missing. On POSIX file systems
   * every directory created, the home included, is owner-only ({@code rwx------}): logs name
   * readers and cards, data and dumps hold health data. The layout's own directories that already
   * exist lose any group and world permission; an existing home is left as it is (it may be a
   * directory the user chose, shared with other things).
   *
   * @throws IOException when a directory cannot be created
   */
  public void createDirectories() throws IOException {
    Directories.create(home, OWNER_ONLY);
    for (Path directory :
        List.of(
            logDir(), sessionsLogDir(), dataDir(), persistentDataDir(), runDir(), tlsDir())) {
      Directories.create(directory, OWNER_ONLY);
      Directories.narrowToOwner(directory);
    }
  }

  /**
   * Creates the owner-only log folder of one worker, {@code <home>/logs/sessions/<name>}, and
   * returns it.
   *
   * @param name letters and digits, such as a random hexadecimal string
   */
  public Path createSessionLogDirectory(String name) throws IOException {
    if (!name.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("a session log folder name is letters and digits only");
    }
    Path directory = sessionsLogDir().resolve(name);
    AtomicFiles.createDirectories(directory, AtomicFiles.Access.OWNER_ONLY);
    return directory;
  }

  /** Creates the run directory alone, owner-only, if it is missing. */
  void createRunDirectory() throws IOException {
    Directories.create(home, OWNER_ONLY);
    Directories.create(runDir(), OWNER_ONLY);
  }
}
