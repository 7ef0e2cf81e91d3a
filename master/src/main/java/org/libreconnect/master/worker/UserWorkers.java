package org.libreconnect.master.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.libreconnect.master.user.OsAccount;
import org.libreconnect.runtime.InstallationLayout;

/**
 * How the worker of a terminal-server user starts (docs/adr/0026): as that user, through
 * {@code setpriv} with every capability dropped (not needed when the connector already runs as
 * that user); with the user's own PC/SC service ({@code PCSCLITE_CSOCK_NAME}, from a path pattern);
 * with its logs and data in the user's home ({@code ~/.libreconnect}); and with the connector's
 * configuration handed over its standard input, since the user cannot read the service's home.
 *
 * @param configFile the master's configuration file
 * @param pcscSocketPattern the user's pcscd socket; {@code {uid}}, {@code {user}} and {@code {home}}
 *     stand for the account's uid, name and home. Null when not configured: another user's worker
 *     then gets {@link #DEFAULT_PCSC_SOCKET}, and a worker of the connector's own user keeps the
 *     connector's PC/SC service (a desktop page that names its own user).
 * @param ownUid the connector's own uid
 */
public record UserWorkers(Path configFile, String pcscSocketPattern, int ownUid) {

  /** Environment variable that sets {@link #pcscSocketPattern()} for the master. */
  public static final String PCSC_SOCKET_VARIABLE = "LIBRECONNECT_USER_PCSC_SOCKET";

  /** Where a user's own pcscd listens unless configured otherwise. */
  public static final String DEFAULT_PCSC_SOCKET = "/run/user/{uid}/pcscd/pcscd.comm";

  /** The variable through which libpcsclite finds the PC/SC service's socket. */
  static final String PCSCLITE_SOCKET = "PCSCLITE_CSOCK_NAME";

  /** The worker argument that makes it read the configuration from standard input. */
  static final String CONFIG_ON_STDIN = "--config-stdin";

  /** The pattern from the environment; null when it sets none. */
  public static String pcscSocketPatternFrom(Map<String, String> environment) {
    String value = environment.get(PCSC_SOCKET_VARIABLE);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The user's own installation layout, {@code <home>/.libreconnect}: logs, data, dumps. */
  public InstallationLayout layoutOf(OsAccount account) {
    return new InstallationLayout(account.home().resolve(InstallationLayout.DEFAULT_DIRECTORY_NAME));
  }

  /** The user's pcscd socket; empty when the worker keeps the connector's own PC/SC service. */
  public Optional<String> pcscSocket(OsAccount account) {
    if (pcscSocketPattern == null && account.uid() == ownUid) {
      return Optional.empty();
    }
    String pattern = pcscSocketPattern == null ? DEFAULT_PCSC_SOCKET : pcscSocketPattern;
    return Optional.of(pattern
        .replace("{uid}", Integer.toString(account.uid()))
        .replace("{user}", account.name())
        .replace("{home}", account.home().toString()));
  }

  /**
   * The full command line: {@code setpriv} when the worker changes user (real, effective and saved
   * ids, the user's groups, no inheritable or ambient capability left, so that the worker holds
   * none), then the worker's own command line, told to read the configuration from standard input.
   */
  public List<String> argv(OsAccount account, List<String> workerArgv) {
    List<String> argv = new ArrayList<>();
    if (account.uid() != ownUid) {
      argv.addAll(
          List.of(
              "setpriv",
              "--reuid=" + account.uid(),
              "--regid=" + account.gid(),
              "--init-groups",
              "--inh-caps=-all",
              "--ambient-caps=-all",
              "--"));
    }
    argv.addAll(workerArgv);
    argv.add(CONFIG_ON_STDIN);
    return List.copyOf(argv);
  }

  /** The worker's environment: the user's names and home, and the user's PC/SC socket. */
  public void environment(Map<String, String> environment, OsAccount account) {
    environment.remove(InstallationLayout.HOME_ENVIRONMENT_VARIABLE);
    environment.put("HOME", account.home().toString());
    environment.put("USER", account.name());
    environment.put("LOGNAME", account.name());
    pcscSocket(account).ifPresent(socket -> environment.put(PCSCLITE_SOCKET, socket));
  }

  /** The configuration's bytes, empty when there is no file (the worker then uses the defaults). */
  public byte[] configuration() throws IOException {
    try {
      return Files.readAllBytes(configFile);
    } catch (NoSuchFileException e) {
      return new byte[0];
    }
  }
}
