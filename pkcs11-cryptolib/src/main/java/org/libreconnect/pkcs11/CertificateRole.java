package org.libreconnect.pkcs11;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a card certificate is for. CPS cards tag the pairs with a {@code CKA_ID} ending in
 * {@code 0x20} (authentication) or {@code 0x10} (signature), but SunPKCS11's key store shows labels,
 * not IDs, so the role is read from the certificate: EKU clientAuth means authentication, key usage
 * nonRepudiation (or EKU emailProtection) means signature, and digitalSignature alone means
 * authentication.
 */
public enum CertificateRole {
  /** The TLS client-authentication pair. */
  AUTHENTICATION,
  /** The non-repudiation signature pair (VIHF, documents). */
  SIGNATURE,
  /** Neither: a CA certificate or an unknown usage. */
  OTHER;

  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int NON_REPUDIATION = 1;

  /** The role of {@code certificate}. */
  public static CertificateRole of(X509Certificate certificate) {
    if (certificate.getBasicConstraints() >= 0) {
      return OTHER;
    }
    List<String> purposes = extendedKeyUsage(certificate);
    boolean[] usage = certificate.getKeyUsage();
    if (purposes.contains(CLIENT_AUTH)) {
      return AUTHENTICATION;
    }
    if (has(usage, NON_REPUDIATION) || purposes.contains(EMAIL_PROTECTION)) {
      return SIGNATURE;
    }
    return has(usage, DIGITAL_SIGNATURE) ? AUTHENTICATION : OTHER;
  }

  private static boolean has(boolean[] usage, int bit) {
    return usage != null && usage.length > bit && usage[bit];
  }

  private static List<String> extendedKeyUsage(X509Certificate certificate) {
    try {
      List<String> purposes = certificate.getExtendedKeyUsage();
      return purposes == null ? List.of() : purposes;
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }
}
