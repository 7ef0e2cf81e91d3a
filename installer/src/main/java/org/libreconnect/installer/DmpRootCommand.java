package org.libreconnect.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.libreconnect.runtime.AtomicFiles;
import org.libreconnect.runtime.InstallationLayout;

/**
 * {@code dmp-root import|list}: the IGC-Santé roots a DMP environment's servers chain to, kept
 * under {@code <home>/tls/dmp-roots/<environment>/} and trusted by the workers for that
 * environment only (production: {@code lps2.dmp.gouv.fr}; training:
 * {@code formationN.lps2.dmp.gouv.fr}).
 */
final class DmpRootCommand {
  static final Set<String> VALUED = Set.of("--home", "--file", "--environment");
  static final Set<String> FLAGS = Set.of();
  private static final List<String> ENVIRONMENTS = List.of("production", "training");

  private final AdminEnvironment environment;
  private final PrintStream out;

  DmpRootCommand(AdminEnvironment environment, PrintStream out) {
    this.environment = environment;
    this.out = out;
  }

  void run(String action, AdminArguments arguments) {
    Path roots = new InstallationLayout(environment.home(arguments)).tlsDir().resolve("dmp-roots");
    switch (action) {
      case "import" -> {
        String target = arguments.value("--environment").orElseThrow(() ->
            new IllegalArgumentException("dmp-root import needs --environment production|training"));
        if (!ENVIRONMENTS.contains(target)) {
          throw new IllegalArgumentException("dmp-root: --environment must be production or training");
        }
        Path file = arguments.path("--file").orElseThrow(() ->
            new IllegalArgumentException("dmp-root import needs --file FILE (PEM or DER)"));
        for (X509Certificate certificate : read(file)) {
          Path written = roots.resolve(target).resolve(fileName(certificate));
          try {
            // tls/ is the owner's only: so are the roots in it
            AtomicFiles.write(written, pem(certificate));
          } catch (java.io.IOException e) {
            throw new InstallerException("cannot write " + written + ": " + e.getMessage(), e);
          }
          out.println("Imported " + certificate.getSubjectX500Principal().getName() + " (SHA-256 "
              + fingerprint(certificate) + ") for the " + target + " DMP into " + written);
        }
      }
      case "list" -> {
        for (String name : ENVIRONMENTS) {
          for (Path file : files(roots.resolve(name))) {
            for (X509Certificate certificate : read(file)) {
              out.println(name + "\t" + certificate.getSubjectX500Principal().getName() + "\tSHA-256 "
                  + fingerprint(certificate) + "\t" + file.getFileName());
            }
          }
        }
      }
      default -> throw new IllegalArgumentException("dmp-root: unknown action \"" + action + "\" (import, list)");
    }
  }

  /** The CA certificates of {@code file}; refuses a file with none, or with a non-CA one. */
  private static List<X509Certificate> read(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        X509Certificate x509 = (X509Certificate) certificate;
        if (x509.getBasicConstraints() < 0) {
          throw new InstallerException(file + ": " + x509.getSubjectX500Principal().getName()
              + " is not a CA certificate");
        }
        certificates.add(x509);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new InstallerException(file + ": not a readable certificate file (" + e.getMessage() + ")", e);
    }
    if (certificates.isEmpty()) {
      throw new InstallerException(file + ": no certificate in it");
    }
    return certificates;
  }

  private static List<Path> files(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new InstallerException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  private static String fileName(X509Certificate certificate) {
    String cn = certificate.getSubjectX500Principal().getName().replaceAll(".*CN=([^,]+).*", "$1");
    String slug = cn.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug + "-" + fingerprint(certificate).replace(":", "").substring(0, 16).toLowerCase(Locale.ROOT) + ".pem";
  }

  static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new InstallerException("cannot fingerprint a certificate: " + e.getMessage(), e);
    }
  }

  private static byte[] pem(X509Certificate certificate) {
    try {
      return ("-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new InstallerException("cannot encode a certificate: " + e.getMessage(), e);
    }
  }
}
