package org.libreconnect.simulator.pki;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The content of an establishment's IGC-Santé "ORG AUTH_CLI" software certificate (dmp.md §4):
 * {@code CN=<label>,OU=<Struct_IdNat>,O=<raison sociale>,ST=<département>,C=FR}, clientAuth, and
 * digitalSignature so that the same key also signs the indirect-mode VIHF.
 */
final class EstablishmentCertificateProfile {
  private EstablishmentCertificateProfile() {}

  static CertificateRequest establishment(String label, String structureId, String organisation,
      PublicKey key, Instant notBefore, Instant notAfter) {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "FR")
            .addRDN(BCStyle.ST, "Paris (75)")
            .addRDN(BCStyle.O, organisation)
            .addRDN(BCStyle.OU, structureId)
            .addRDN(BCStyle.CN, label)
            .build();
    List<Extension> extensions =
        List.of(
            CertificateRequest.extension(
                Extension.basicConstraints, true, new BasicConstraints(false)),
            CertificateRequest.extension(
                Extension.keyUsage,
                true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)),
            CertificateRequest.extension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)),
            CertificateRequest.extension(
                Extension.certificatePolicies, false, CardCertificateProfile.testPolicy()));
    return new CertificateRequest(subject, key, notBefore, notAfter, extensions);
  }
}
