package org.libreconnect.pkcs11.holder;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
import org.libreconnect.pkcs11.exceptions.CardObjectMissingException;

/**
 * Reads a {@link CpsHolder} from a CPS card certificate (dmp.md §4.2–4.3), for libraries through
 * which the {@code CPS_INFO_PS} / {@code CPS_ACTIVITY_nn_PS} data objects cannot be read.
 *
 * <p>Subject {@code C=FR, title=<profession label>, CN=<PS_IdNat>+SN=<name>+GN=<given>} (a
 * multi-valued RDN, parsed from DER); a non-nominative card (CPE) has no SN/GN, so the family name
 * is {@code O} and the given name {@code CN}. Profession code: extension {@code 1.2.250.1.71.1.2.7}
 * (INTEGER). Specialty code: extension {@code 1.2.250.1.71.4.2.5} (SEQUENCE of one string). Not in
 * certificates: the specialty label, the practice locations and the card serial number.
 */
public final class CertificateHolderReader {
  static final ASN1ObjectIdentifier PROFESSION = new ASN1ObjectIdentifier(CpsHolder.PROFESSION_OID);
  static final ASN1ObjectIdentifier SPECIALTY = new ASN1ObjectIdentifier("1.2.250.1.71.4.2.5");

  /** JS2 IdentifierType for an RPPS-based PS_IdNat (type digit 8). */
  static final int RPPS = 3;
  /** JS2 IdentifierType for an ADELI-based PS_IdNat (type digit 0). */
  static final int ADELI = 4;

  private CertificateHolderReader() {}

  /**
   * The holder described by {@code certificate}.
   *
   * @throws CardObjectMissingException when the subject has no CN (PS_IdNat)
   */
  public static CpsHolder read(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    String internalId = attribute(subject, BCStyle.CN).orElseThrow(() -> new CardObjectMissingException(
        "the card certificate's subject has no CN (PS_IdNat): " + certificate.getSubjectX500Principal(), null));
    Optional<String> surname = attribute(subject, BCStyle.SURNAME);
    String name = surname.or(() -> attribute(subject, BCStyle.O)).orElse("");
    String given = attribute(subject, BCStyle.GIVENNAME).orElse(surname.isPresent() ? "" : internalId);
    return new CpsHolder(
        name,
        given,
        internalId,
        identifierType(internalId),
        professionCode(certificate).orElse(""),
        CpsHolder.PROFESSION_OID,
        attribute(subject, BCStyle.T).orElse(""),
        specialtyCode(certificate).orElse(""),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        LocalDate.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC),
        HolderSource.CERTIFICATES);
  }

  /** The JS2 IdentifierType of a PS_IdNat from its type digit; 0 when the digit is not 8 or 0. */
  static int identifierType(String psIdNat) {
    if (psIdNat.startsWith("8")) {
      return RPPS;
    }
    return psIdNat.startsWith("0") ? ADELI : 0;
  }

  private static Optional<String> attribute(X500Name name, ASN1ObjectIdentifier type) {
    for (RDN rdn : name.getRDNs(type)) {
      for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
        if (value.getType().equals(type)) {
          ASN1Encodable encodable = value.getValue();
          return Optional.of(encodable instanceof ASN1String text ? text.getString() : encodable.toString());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> professionCode(X509Certificate certificate) {
    return extension(certificate, PROFESSION)
        .filter(ASN1Integer.class::isInstance)
        .map(value -> ((ASN1Integer) value).getValue().toString());
  }

  private static Optional<String> specialtyCode(X509Certificate certificate) {
    return extension(certificate, SPECIALTY)
        .filter(ASN1Sequence.class::isInstance)
        .map(ASN1Sequence.class::cast)
        .filter(sequence -> sequence.size() > 0 && sequence.getObjectAt(0) instanceof ASN1String)
        .map(sequence -> ((ASN1String) sequence.getObjectAt(0)).getString());
  }

  private static Optional<ASN1Primitive> extension(X509Certificate certificate, ASN1ObjectIdentifier oid) {
    byte[] wrapped = certificate.getExtensionValue(oid.getId());
    if (wrapped == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets()));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
