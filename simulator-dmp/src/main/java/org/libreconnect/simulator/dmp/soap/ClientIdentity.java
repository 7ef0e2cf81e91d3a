package org.libreconnect.simulator.dmp.soap;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.libreconnect.simulator.pki.CertificateReader;

/**
 * Who is on the other side of the TLS connection, from the client certificate's subject.
 *
 * @param psIdNat the subject's CN (PS_IdNat on card certificates, a label on organisation ones)
 * @param professionCode the profession code (TRE_G15) from the certificate extension, if any
 * @param title the subject's title (the profession label on card certificates), if any
 * @param certificate the client certificate
 */
public record ClientIdentity(
    String psIdNat, Optional<String> professionCode, Optional<String> title,
    X509Certificate certificate) {

  public ClientIdentity {
    Objects.requireNonNull(psIdNat, "psIdNat");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** The identity in {@code certificate}. */
  public static ClientIdentity of(X509Certificate certificate) {
    CertificateReader reader = CertificateReader.of(certificate);
    return new ClientIdentity(
        reader.commonName().orElse(""), reader.professionCode(), reader.title(), certificate);
  }

  /** The surname (SN) of a card certificate's subject, if any. */
  public Optional<String> surname() {
    return CertificateReader.of(certificate).surname();
  }

  /** The given name (GN) of a card certificate's subject, if any. */
  public Optional<String> givenName() {
    return CertificateReader.of(certificate).givenName();
  }
}
