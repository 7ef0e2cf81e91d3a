package org.libreconnect.simulator.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs certificate requests with SHA256withRSA using the JDK's own providers (no provider is
 * registered), adding the subject and authority key identifiers.
 */
final class CertificateSigner {
  private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

  private final SecureRandom random;
  private final JcaX509ExtensionUtils extensionUtils;

  CertificateSigner(SecureRandom random) {
    this.random = random;
    try {
      this.extensionUtils = new JcaX509ExtensionUtils();
    } catch (GeneralSecurityException e) {
      throw new PkiGenerationException("SHA-1 is not available for key identifiers", e);
    }
  }

  /** Issues {@code request} as {@code issuerName}, signed with {@code issuerKeys}' private key. */
  X509Certificate sign(CertificateRequest request, X500Name issuerName, KeyPair issuerKeys) {
    BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuerName,
            serial,
            Date.from(request.notBefore()),
            Date.from(request.notAfter()),
            request.subject(),
            request.publicKey());
    try {
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensionUtils.createSubjectKeyIdentifier(request.publicKey()));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          extensionUtils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
      for (Extension extension : request.extensions()) {
        builder.addExtension(extension);
      }
      ContentSigner signer =
          new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKeys.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (CertIOException | OperatorCreationException | CertificateException e) {
      throw new PkiGenerationException("cannot issue a certificate for " + request.subject(), e);
    }
  }
}
