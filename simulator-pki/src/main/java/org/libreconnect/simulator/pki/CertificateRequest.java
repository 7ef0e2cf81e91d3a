package org.libreconnect.simulator.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;

/** What goes into one certificate apart from the issuer: subject, key, validity, extensions. */
record CertificateRequest(
    X500Name subject,
    PublicKey publicKey,
    Instant notBefore,
    Instant notAfter,
    List<Extension> extensions) {

  CertificateRequest {
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "notAfter " + notAfter + " is not after notBefore " + notBefore);
    }
    extensions = List.copyOf(extensions);
  }

  /** An extension whose value is the DER encoding of {@code value}. */
  static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
    try {
      return new Extension(oid, critical, value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
