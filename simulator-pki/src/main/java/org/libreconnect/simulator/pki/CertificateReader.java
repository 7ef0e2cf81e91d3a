package org.libreconnect.simulator.pki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Reads the health-sector fields back from a CPS card certificate: the multi-valued subject RDN
 * (parsed from DER, which the JDK's name parsing does not handle well) and the private extensions.
 */
public final class CertificateReader {
  private final X509Certificate certificate;
  private final X500Name subject;

  private CertificateReader(X509Certificate certificate) {
    this.certificate = certificate;
    this.subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
  }

  /** A reader for {@code certificate}. */
  public static CertificateReader of(X509Certificate certificate) {
    return new CertificateReader(certificate);
  }

  /** The subject's CN, the PS_IdNat on card certificates. */
  public Optional<String> commonName() {
    return attribute(BCStyle.CN);
  }

  /** The subject's SN (family name). */
  public Optional<String> surname() {
    return attribute(BCStyle.SURNAME);
  }

  /** The subject's GN (given name). */
  public Optional<String> givenName() {
    return attribute(BCStyle.GIVENNAME);
  }

  /** The subject's title, the profession label on card certificates. */
  public Optional<String> title() {
    return attribute(BCStyle.T);
  }

  /** The profession code from extension 1.2.250.1.71.1.2.7, such as {@code "10"}. */
  public Optional<String> professionCode() {
    return extension(HealthOids.PROFESSION)
        .map(value -> ASN1Integer.getInstance(value).getValue().toString());
  }

  /** The specialty code from extension 1.2.250.1.71.4.2.5, such as {@code "SM26"}. */
  public Optional<String> specialtyCode() {
    return extension(HealthOids.SPECIALTY)
        .map(value -> ((ASN1String) ASN1Sequence.getInstance(value).getObjectAt(0)).getString());
  }

  /** The one byte of extension 1.2.250.1.71.1.2.5 (0x83 on IGC-Santé certificates). */
  public Optional<Byte> issuingSystemMarker() {
    return extension(HealthOids.ISSUING_SYSTEM)
        .map(value -> ASN1OctetString.getInstance(value).getOctets())
        .filter(octets -> octets.length == 1)
        .map(octets -> octets[0]);
  }

  private Optional<String> attribute(ASN1ObjectIdentifier type) {
    for (RDN rdn : subject.getRDNs()) {
      for (AttributeTypeAndValue pair : rdn.getTypesAndValues()) {
        if (pair.getType().equals(type)) {
          ASN1Encodable value = pair.getValue();
          return Optional.of(
              value instanceof ASN1String text ? text.getString() : value.toString());
        }
      }
    }
    return Optional.empty();
  }

  private Optional<ASN1Primitive> extension(ASN1ObjectIdentifier oid) {
    byte[] wrapped = certificate.getExtensionValue(oid.getId());
    if (wrapped == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets()));
    } catch (IOException e) {
      throw new IllegalArgumentException("extension " + oid + " is not valid DER", e);
    }
  }
}
