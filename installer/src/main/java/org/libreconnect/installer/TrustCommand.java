package org.libreconnect.installer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.libreconnect.runtime.InstallationLayout;

/**
 * {@code trust install|remove|list}: the installation's CA in the user's NSS databases
 * (Chromium, Chrome, Firefox) and in the system trust store.
 */
final class TrustCommand {
  static final Set<String> VALUED = Set.of("--home", "--ca", "--nss-db", "--user-home", "--system-ca-dir");
  static final Set<String> FLAGS = Set.of("--no-system", "--no-nss");

  private final ProcessRunner processes;
  private final AdminEnvironment environment;
  private final PrintStream out;

  TrustCommand(ProcessRunner processes, AdminEnvironment environment, PrintStream out) {
    this.processes = processes;
    this.environment = environment;
    this.out = out;
  }

  void run(String action, AdminArguments arguments) {
    switch (action) {
      case "install" -> install(arguments);
      case "remove" -> remove(arguments);
      case "list" -> list(arguments);
      default -> throw new IllegalArgumentException("trust: unknown action \"" + action + "\" (install, remove, list)");
    }
  }

  private void install(AdminArguments arguments) {
    Path caFile = arguments.path("--ca")
        .orElseGet(() -> new InstallationLayout(environment.home(arguments)).tlsDir().resolve("ca.crt"));
    CaCertificate ca = CaCertificate.read(caFile);
    out.println("CA certificate " + ca.file() + " (" + ca.certificate().getSubjectX500Principal().getName()
        + ", SHA-256 " + ca.sha256() + ")");
    if (!arguments.flag("--no-nss")) {
      for (NssDatabase database : databases(arguments, true)) {
        database.install(ca);
        out.println("NSS database " + database.directory() + ": trusted as \"" + CaCertificate.NSS_NICKNAME + "\"");
      }
    }
    if (!arguments.flag("--no-system")) {
      Path written = system(() -> systemStore(arguments).install(ca));
      out.println("System trust store: " + written + " (update-ca-certificates --fresh ran)");
    }
  }

  private void remove(AdminArguments arguments) {
    if (!arguments.flag("--no-nss")) {
      for (NssDatabase database : databases(arguments, false)) {
        int removed = database.remove();
        out.println("NSS database " + database.directory() + ": "
            + (removed == 0 ? "no LibreConnect CA" : "removed " + removed + " LibreConnect CA(s)"));
      }
    }
    if (!arguments.flag("--no-system")) {
      List<Path> removed = system(() -> systemStore(arguments).remove());
      out.println("System trust store: " + (removed.isEmpty() ? "no LibreConnect CA" : "removed " + removed));
    }
  }

  private void list(AdminArguments arguments) {
    if (!arguments.flag("--no-nss")) {
      for (NssDatabase database : databases(arguments, false)) {
        out.println("NSS database " + database.directory() + ":");
        out.println(database.list());
      }
    }
    if (!arguments.flag("--no-system")) {
      out.println("System trust store: " + systemStore(arguments).ours());
    }
  }

  /** The databases named by --nss-db (created when missing on install), else those found. */
  private List<NssDatabase> databases(AdminArguments arguments, boolean create) {
    List<String> given = arguments.all("--nss-db");
    if (!given.isEmpty()) {
      List<NssDatabase> databases = given.stream().map(dir -> new NssDatabase(Path.of(dir), processes)).toList();
      for (NssDatabase database : databases) {
        if (create) {
          database.createIfMissing();
        } else if (!database.exists()) {
          throw new InstallerException("no NSS database in " + database.directory() + " (no cert9.db)");
        }
      }
      return databases;
    }
    Path userHome = arguments.path("--user-home").orElse(environment.userHome());
    List<NssDatabase> found =
        new NssDatabaseFinder(userHome).find().stream().map(dir -> new NssDatabase(dir, processes)).toList();
    if (found.isEmpty()) {
      out.println("NSS: no database under " + userHome + " (Chromium and Firefox create theirs when first started; "
          + "start them once, or pass --nss-db " + userHome.resolve(".pki/nssdb") + ")");
    }
    return found;
  }

  private SystemTrustStore systemStore(AdminArguments arguments) {
    Path directory = arguments.path("--system-ca-dir").orElse(SystemTrustStore.DEBIAN_DIRECTORY);
    return new SystemTrustStore(directory, List.of("update-ca-certificates", "--fresh"), processes);
  }

  /** Runs a system-store step; a failure says how to do without it. */
  private <T> T system(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (InstallerException e) {
      throw new InstallerException(
          "system trust store: " + e.getMessage() + " (run as root to change it, or pass --no-system)", e);
    }
  }
}
