package org.libreconnect.installer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code hosts ensure|remove}: the connector's host name in the hosts file, when needed. */
final class HostsCommand {
  static final Set<String> VALUED = Set.of("--home", "--host", "--hosts-file");
  static final Set<String> FLAGS = Set.of();

  private final AdminEnvironment environment;
  private final PrintStream out;

  HostsCommand(AdminEnvironment environment, PrintStream out) {
    this.environment = environment;
    this.out = out;
  }

  void run(String action, AdminArguments arguments) {
    String host = arguments.value("--host").orElseGet(() -> Installation.at(environment.home(arguments)).hostName());
    Path file = arguments.path("--hosts-file").orElse(HostsFile.SYSTEM);
    HostsFile hosts = new HostsFile(file, HostsFile.systemResolver());
    switch (action) {
      case "ensure" -> {
        switch (hosts.ensure(host)) {
          case ALREADY_RESOLVES -> out.println(host + " already resolves to the loopback address: " + file + " unchanged");
          case ALREADY_LISTED -> out.println(host + " is already mapped to the loopback address in " + file);
          case ADDED -> out.println("Added \"127.0.0.1 " + host + "\" to " + file);
        }
      }
      case "remove" ->
          out.println(hosts.remove(host)
              ? "Removed the line LibreConnect added for " + host + " from " + file
              : "No line added by LibreConnect for " + host + " in " + file);
      default -> throw new IllegalArgumentException("hosts: unknown action \"" + action + "\" (ensure, remove)");
    }
  }
}
