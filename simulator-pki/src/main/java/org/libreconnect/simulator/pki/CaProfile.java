package org.libreconnect.simulator.pki;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

/** The certificate content of root and intermediate CAs. */
final class CaProfile {
  private CaProfile() {}

  /** A self-signed root: CA without a path length limit, keyCertSign and cRLSign. */
  static CertificateRequest root(
      X500Name name, PublicKey key, Instant notBefore, Instant notAfter) {
    return new CertificateRequest(
        name, key, notBefore, notAfter, extensions(new BasicConstraints(true)));
  }

  /** An intermediate CA that issues end-entity certificates only (path length 0). */
  static CertificateRequest intermediate(
      X500Name name, PublicKey key, Instant notBefore, Instant notAfter) {
    return new CertificateRequest(
        name, key, notBefore, notAfter, extensions(new BasicConstraints(0)));
  }

  private static List<Extension> extensions(BasicConstraints constraints) {
    return List.of(
        CertificateRequest.extension(Extension.basicConstraints, true, constraints),
        CertificateRequest.extension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
  }
}
