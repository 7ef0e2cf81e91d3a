package org.libreconnect.simulator.pki;

import org.libreconnect.simulation.identity.CpsIdentity;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;

/**
 * The content of a CPS card's two certificates (dmp.md §4.2, §4.3): one subject for both, health
 * sector extensions, and key usages that tell authentication from signature.
 */
final class CardCertificateProfile {
  private CardCertificateProfile() {}

  /** {@code C=FR, title=<profession label>, CN=<PS_IdNat>+SN=<name>+GN=<given>} in UTF8String. */
  static X500Name subject(CpsIdentity identity) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "FR")
        .addRDN(BCStyle.T, identity.professionLabel())
        .addMultiValuedRDN(
            new ASN1ObjectIdentifier[] {BCStyle.CN, BCStyle.SURNAME, BCStyle.GIVENNAME},
            new String[] {identity.psIdNat(), identity.name(), identity.given()})
        .build();
  }

  /** The authentication certificate: digitalSignature + keyEncipherment, clientAuth. */
  static CertificateRequest authentication(
      CpsIdentity identity, PublicKey key, Instant notBefore, Instant notAfter) {
    return request(
        identity,
        key,
        notBefore,
        notAfter,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment),
        KeyPurposeId.id_kp_clientAuth);
  }

  /** The signature certificate: nonRepudiation + digitalSignature, emailProtection. */
  static CertificateRequest signature(
      CpsIdentity identity, PublicKey key, Instant notBefore, Instant notAfter) {
    return request(
        identity,
        key,
        notBefore,
        notAfter,
        new KeyUsage(KeyUsage.nonRepudiation | KeyUsage.digitalSignature),
        KeyPurposeId.id_kp_emailProtection);
  }

  private static CertificateRequest request(
      CpsIdentity identity,
      PublicKey key,
      Instant notBefore,
      Instant notAfter,
      KeyUsage keyUsage,
      KeyPurposeId purpose) {
    List<Extension> extensions = new ArrayList<>();
    extensions.add(
        CertificateRequest.extension(
            Extension.basicConstraints, true, new BasicConstraints(false)));
    extensions.add(CertificateRequest.extension(Extension.keyUsage, true, keyUsage));
    extensions.add(
        CertificateRequest.extension(
            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose)));
    extensions.add(
        CertificateRequest.extension(Extension.certificatePolicies, false, testPolicy()));
    extensions.add(
        CertificateRequest.extension(
            HealthOids.PROFESSION,
            false,
            new ASN1Integer(Long.parseLong(identity.professionCode()))));
    extensions.add(
        CertificateRequest.extension(
            HealthOids.SPECIALTY,
            false,
            new DERSequence(new DERUTF8String(identity.specialtyCode()))));
    extensions.add(
        CertificateRequest.extension(
            HealthOids.ISSUING_SYSTEM,
            false,
            new DEROctetString(new byte[] {HealthOids.IGC_SANTE_MARKER})));
    return new CertificateRequest(subject(identity), key, notBefore, notAfter, extensions);
  }

  /** The IGC-Santé test policy with its CPS URI. */
  static CertificatePolicies testPolicy() {
    return new CertificatePolicies(
        new PolicyInformation(
            HealthOids.TEST_POLICY,
            new DERSequence(new PolicyQualifierInfo(HealthOids.TEST_POLICY_CPS_URI))));
  }
}
