package org.libreconnect.installer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Set;
import org.libreconnect.master.tls.ServerCertificates;

/**
 * {@code certificate ensure}: generates the installation's CA and server certificate, or renews
 * them when they expire within 30 days or no longer name the host, as the connector does at start.
 */
final class CertificateCommand {
  static final Set<String> VALUED = Set.of("--home");
  static final Set<String> FLAGS = Set.of();

  private final AdminEnvironment environment;
  private final Clock clock;
  private final PrintStream out;

  CertificateCommand(AdminEnvironment environment, Clock clock, PrintStream out) {
    this.environment = environment;
    this.clock = clock;
    this.out = out;
  }

  void run(String action, AdminArguments arguments) {
    if (!action.equals("ensure")) {
      throw new IllegalArgumentException("certificate: unknown action \"" + action + "\" (ensure)");
    }
    Installation installation = Installation.at(environment.home(arguments));
    ServerCertificates certificates =
        new ServerCertificates(installation.layout().tlsDir(), installation.hostName(), clock);
    String before = fingerprint(certificates.caCertificateFile());
    ServerCertificates.Material material;
    try {
      material = certificates.ensure();
    } catch (IOException | GeneralSecurityException e) {
      throw new InstallerException("cannot generate the certificates in " + installation.layout().tlsDir() + ": " + e.getMessage(), e);
    }
    String after = fingerprint(certificates.caCertificateFile());
    out.println("Server certificate for " + installation.hostName() + " valid until " + material.expiresAt());
    if (after.equals(before)) {
      out.println("CA certificate " + certificates.caCertificateFile() + " unchanged");
    } else {
      out.println("New CA certificate " + certificates.caCertificateFile()
          + ": trust it with `libreconnect-admin trust install --home " + installation.layout().home() + "`");
    }
  }

  private static String fingerprint(Path file) {
    return Files.exists(file) ? CaCertificate.read(file).sha256() : "";
  }
}
