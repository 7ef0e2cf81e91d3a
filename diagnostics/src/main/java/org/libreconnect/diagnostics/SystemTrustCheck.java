package org.libreconnect.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.List;

/**
 * Whether the connector's CA certificate is in the system trust store (the PEM bundle the
 * platform builds, {@code /etc/ssl/certs/ca-certificates.crt} on Debian), so that browsers and
 * tools that use the system store trust the local HTTPS port.
 */
public final class SystemTrustCheck implements LiveCheck {
  /** Where Debian, Ubuntu and Fedora keep the bundle built from the system store. */
  public static final List<Path> SYSTEM_BUNDLES =
      List.of(Path.of("/etc/ssl/certs/ca-certificates.crt"), Path.of("/etc/pki/tls/certs/ca-bundle.crt"));

  private static final String NAME = "Connector CA trusted by the system store";
  private static final String REMEDY =
      "Run 'libreconnect-admin trust install' as administrator, then restart the browsers.";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final Path caCertificate;
  private final List<Path> bundles;

  public SystemTrustCheck(Path caCertificate, List<Path> bundles) {
    this.caCertificate = caCertificate;
    this.bundles = List.copyOf(bundles);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run() {
    X509Certificate ca;
    try (InputStream in = Files.newInputStream(caCertificate)) {
      ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException e) {
      return CheckResult.failed(NAME, "the connector has no CA certificate yet",
          "Start the connector once (it creates its certificates), or run 'libreconnect-admin certificate ensure'.");
    }
    for (Path bundle : bundles) {
      if (!Files.isReadable(bundle)) {
        continue;
      }
      // The bundle is PEM: comparing base64 bodies is exact and avoids parsing every certificate.
      try {
        String wanted = Base64.getEncoder().encodeToString(ca.getEncoded());
        String text = WHITESPACE.matcher(Files.readString(bundle, StandardCharsets.ISO_8859_1)).replaceAll("");
        if (text.contains(wanted)) {
          return CheckResult.ok(NAME, "found in " + bundle + " (expires " + ca.getNotAfter().toInstant() + ")");
        }
        return CheckResult.failed(NAME, "not in " + bundle, REMEDY);
      } catch (IOException | CertificateException e) {
        return CheckResult.failed(NAME, bundle + " cannot be read (" + Messages.brief(e) + ")", REMEDY);
      }
    }
    return CheckResult.skipped(NAME, "this system has no PEM bundle of its trust store");
  }
}
