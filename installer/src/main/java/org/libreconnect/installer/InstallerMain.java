package org.libreconnect.installer;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** {@code libreconnect-admin}: the installation steps an installer or an administrator runs. */
public final class InstallerMain {
  static final String USAGE =
      """
      usage: libreconnect-admin <command> <action> [options]

        certificate ensure       [--home DIR]
            generate the CA and server certificate, or renew them when due
        trust install|remove|list [--home DIR | --ca FILE] [--nss-db DIR]... [--user-home DIR]
                                 [--no-nss] [--no-system] [--system-ca-dir DIR]
            the CA in NSS databases (Chromium, Chrome, Firefox; found under the user's home
            unless --nss-db is given, created when missing) and in the Debian system store
        hosts ensure|remove      [--home DIR | --host NAME] [--hosts-file FILE]
            map the host name to 127.0.0.1 in /etc/hosts when it does not resolve there
        dmp-root import|list     [--home DIR] [--environment production|training --file FILE]
            an IGC-Santé root the DMP servers of that environment chain to (PEM or DER),
            kept in <home>/tls/dmp-roots/<environment>/
        browser-policy write|remove [--home DIR] [--origin PATTERN]... [--chromium-dir DIR]
                                 [--chrome-dir DIR] [--firefox-policies FILE]
                                 [--no-chromium] [--no-chrome] [--no-firefox]
            Local Network Access exemptions for the allowed origins
        diagnose checks|bundle   [--home DIR] [--out FILE]
            the support checks (network, proxy, NTP, host name, trust), or the diagnostics
            bundle (a zip to send to support; no secret in it)

        --home DIR defaults to $LIBRECONNECT_HOME, else ~/.libreconnect.
      """;

  private final ProcessRunner processes;
  private final AdminEnvironment environment;
  private final Clock clock;

  public InstallerMain(ProcessRunner processes, AdminEnvironment environment, Clock clock) {
    this.processes = processes;
    this.environment = environment;
    this.clock = clock;
  }

  public static void main(String[] args) {
    int status = new InstallerMain(new ProcessRunner(), AdminEnvironment.fromSystem(), Clock.systemUTC())
        .run(args, System.out, System.err);
    System.exit(status);
  }

  /** Runs one command; returns the exit status: 0 done, 1 failed, 2 bad usage. */
  public int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    if (args.length < 2) {
      err.println("libreconnect-admin: " + args[0] + " needs an action");
      err.print(USAGE);
      return 2;
    }
    String command = args[0];
    String action = args[1];
    List<String> options = Arrays.asList(args).subList(2, args.length);
    try {
      switch (command) {
        case "trust" -> new TrustCommand(processes, environment, out)
            .run(action, AdminArguments.parse(options, TrustCommand.VALUED, TrustCommand.FLAGS));
        case "hosts" -> new HostsCommand(environment, out)
            .run(action, AdminArguments.parse(options, HostsCommand.VALUED, HostsCommand.FLAGS));
        case "certificate" -> new CertificateCommand(environment, clock, out)
            .run(action, AdminArguments.parse(options, CertificateCommand.VALUED, CertificateCommand.FLAGS));
        case "dmp-root" -> new DmpRootCommand(environment, out)
            .run(action, AdminArguments.parse(options, DmpRootCommand.VALUED, DmpRootCommand.FLAGS));
        case "browser-policy" -> new BrowserPolicyCommand(environment, out)
            .run(action, AdminArguments.parse(options, BrowserPolicyCommand.VALUED, BrowserPolicyCommand.FLAGS));
        case "diagnose" -> {
          if (!new DiagnoseCommand(environment, clock, out)
              .run(action, AdminArguments.parse(options, DiagnoseCommand.VALUED, DiagnoseCommand.FLAGS))) {
            return 1;
          }
        }
        default -> throw new IllegalArgumentException("unknown command: " + command);
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("libreconnect-admin: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (InstallerException e) {
      err.println("libreconnect-admin: " + e.getMessage());
      return 1;
    }
  }
}
