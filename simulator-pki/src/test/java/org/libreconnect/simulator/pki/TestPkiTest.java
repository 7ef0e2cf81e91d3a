package org.libreconnect.simulator.pki;

import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulation.identity.PracticeLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestPkiTest {
  private static TestPki pki;
  private static CpsIdentity doctor;
  private static CardCredentials card;

  @BeforeAll
  static void generate() {
    pki = TestPki.generate();
    doctor = CpsIdentity.testDoctor(LocalDate.now(ZoneOffset.UTC).plusYears(2));
    card = pki.issueCard(doctor);
  }

  @Test
  void cardCertificatesValidateFromTheTestFortRootOnly() throws Exception {
    for (X509Certificate leaf :
        List.of(card.authenticationCertificate(), card.signatureCertificate())) {
      validate(leaf, card.chain(), pki.fortRoot());
      assertThatThrownBy(() -> validate(leaf, card.chain(), pki.productionLikeRoot()))
          .isInstanceOf(CertPathValidatorException.class);
      assertThatThrownBy(() -> validate(leaf, card.chain(), pki.elementaryRoot()))
          .isInstanceOf(CertPathValidatorException.class);
    }
    assertThat(card.chain()).containsExactly(pki.fortPersons(), pki.fortRoot());
  }

  @Test
  void productionLikeCardsValidateFromTheProductionLikeRootOnly() throws Exception {
    CardCredentials production = pki.issueCardFromProductionLikeRoot(doctor);
    validate(production.authenticationCertificate(), production.chain(), pki.productionLikeRoot());
    assertThatThrownBy(
            () ->
                validate(
                    production.authenticationCertificate(), production.chain(), pki.fortRoot()))
        .isInstanceOf(CertPathValidatorException.class);
    assertThat(production.chain())
        .containsExactly(pki.productionLikePersons(), pki.productionLikeRoot());
  }

  @Test
  void serverCertificateValidatesFromTheElementaryRootWithLoopbackNames() throws Exception {
    ServerCredentials server = pki.issueServer("localhost");
    validate(server.certificate(), server.chain(), pki.elementaryRoot());
    assertThatThrownBy(() -> validate(server.certificate(), server.chain(), pki.fortRoot()))
        .isInstanceOf(CertPathValidatorException.class);
    assertThat(server.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(server.certificate().getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(server.certificateChain()).hasSize(3);
    assertThat(pki.issueServer("127.0.0.2").certificate().getSubjectAlternativeNames())
        .containsExactly(List.of(7, "127.0.0.2"));
  }

  @Test
  void caNamesFollowTheIgcSantePattern() {
    assertThat(pki.fortRoot().getSubjectX500Principal().getName())
        .isEqualTo(
            "CN=TEST AC RACINE IGC-SANTE FORT,OU=IGC-SANTE TEST,OU=0002"
                + " 187512751,O=ASIP-SANTE,C=FR");
    assertThat(pki.fortPersons().getSubjectX500Principal().getName())
        .startsWith("CN=TEST AC IGC-SANTE FORT PERSONNES,");
    assertThat(pki.elementaryRoot().getSubjectX500Principal().getName())
        .startsWith("CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE,");
    assertThat(pki.elementaryOrganisations().getSubjectX500Principal().getName())
        .startsWith("CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,");
    assertThat(pki.productionLikeRoot().getSubjectX500Principal().getName())
        .startsWith("CN=AC RACINE IGC-SANTE FORT (SIMULATED PRODUCTION),OU=IGC-SANTE,");
    assertThat(pki.fortRoot().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(pki.fortPersons().getBasicConstraints()).isZero();
    assertThat(((RSAPublicKey) pki.fortRoot().getPublicKey()).getModulus().bitLength())
        .isEqualTo(4096);
  }

  @Test
  void subjectIsCountryTitleThenMultiValuedNameInUtf8() {
    for (X509Certificate leaf :
        List.of(card.authenticationCertificate(), card.signatureCertificate())) {
      RDN[] rdns = X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded()).getRDNs();
      assertThat(rdns).hasSize(3);
      assertThat(rdns[0].getFirst().getType()).isEqualTo(BCStyle.C);
      assertThat(rdns[1].getFirst().getType()).isEqualTo(BCStyle.T);
      assertThat(rdns[1].getFirst().getValue()).isInstanceOf(DERUTF8String.class);
      assertThat(rdns[1].getFirst().getValue().toString()).isEqualTo("Médecin");
      assertThat(rdns[2].isMultiValued()).isTrue();
      List<String> pairs = new ArrayList<>();
      for (AttributeTypeAndValue pair : rdns[2].getTypesAndValues()) {
        assertThat(pair.getValue()).isInstanceOf(DERUTF8String.class);
        pairs.add(BCStyle.INSTANCE.oidToDisplayName(pair.getType()) + "=" + pair.getValue());
      }
      assertThat(pairs)
          .containsExactlyInAnyOrder("CN=899900063480", "SURNAME=LIBRE", "GIVENNAME=MAX");
    }
  }

  @Test
  void keyUsagesTellAuthenticationFromSignature() throws Exception {
    X509Certificate auth = card.authenticationCertificate();
    X509Certificate sign = card.signatureCertificate();
    // digitalSignature, nonRepudiation, keyEncipherment, ...
    assertThat(auth.getKeyUsage()).startsWith(true, false, true, false);
    assertThat(auth.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(sign.getKeyUsage()).startsWith(true, true, false, false);
    assertThat(sign.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.4");
    assertThat(auth.getCriticalExtensionOIDs()).contains("2.5.29.15");
    assertThat(auth.getBasicConstraints()).isEqualTo(-1);
    assertThat(auth.getPublicKey()).isEqualTo(card.authenticationKeys().getPublic());
    assertThat(sign.getPublicKey()).isEqualTo(card.signatureKeys().getPublic());
    assertThat(((RSAPublicKey) auth.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(auth.getPublicKey()).isNotEqualTo(sign.getPublicKey());
    assertThat(auth.getSigAlgName()).isEqualTo("SHA256withRSA");
  }

  @Test
  void healthExtensionsHaveTheDocumentedEncoding() throws Exception {
    X509Certificate sign = card.signatureCertificate();
    assertThat(extensionValue(sign, "1.2.250.1.71.1.2.7")).isEqualTo(new byte[] {0x02, 0x01, 0x0A});
    assertThat(extensionValue(sign, "1.2.250.1.71.4.2.5"))
        .isEqualTo(new byte[] {0x30, 0x06, 0x0C, 0x04, 'S', 'M', '2', '6'});
    assertThat(extensionValue(sign, "1.2.250.1.71.1.2.5"))
        .isEqualTo(new byte[] {0x04, 0x01, (byte) 0x83});
    assertThat(sign.getNonCriticalExtensionOIDs())
        .contains("1.2.250.1.71.1.2.7", "1.2.250.1.71.4.2.5", "1.2.250.1.71.1.2.5", "2.5.29.32");
    byte[] policies = extensionValue(sign, "2.5.29.32");
    assertThat(ASN1Primitive.fromByteArray(policies).toString())
        .contains("1.2.250.1.213.1.7.2.1.1.1.1", "http://igc-sante.esante.gouv.fr/PC%20TEST");
  }

  @Test
  void certificateReaderReadsTheFieldsBack() {
    CertificateReader reader = CertificateReader.of(card.authenticationCertificate());
    assertThat(reader.commonName()).contains("899900063480");
    assertThat(reader.surname()).contains("LIBRE");
    assertThat(reader.givenName()).contains("MAX");
    assertThat(reader.title()).contains("Médecin");
    assertThat(reader.professionCode()).contains("10");
    assertThat(reader.specialtyCode()).contains("SM26");
    assertThat(reader.issuingSystemMarker()).contains((byte) 0x83);
    assertThat(CertificateReader.of(pki.fortRoot()).professionCode()).isEmpty();
  }

  @Test
  void notAfterIsTheLastValidDayOfTheCard() {
    Date notAfter = card.authenticationCertificate().getNotAfter();
    assertThat(notAfter.toInstant())
        .isEqualTo(doctor.validUntil().atTime(23, 59, 59).toInstant(ZoneOffset.UTC));
    assertThat(card.signatureCertificate().getNotAfter()).isEqualTo(notAfter);
    assertThat(card.authenticationCertificate().getNotBefore()).isBefore(new Date());
  }

  @Test
  void aPastValidityDateGivesAnExpiredCard() {
    CardCredentials expired =
        pki.issueCard(CpsIdentity.testDoctor(LocalDate.now(ZoneOffset.UTC).minusDays(2)));
    X509Certificate auth = expired.authenticationCertificate();
    assertThat(auth.getNotAfter()).isBefore(new Date());
    assertThatThrownBy(() -> validate(auth, expired.chain(), pki.fortRoot()))
        .isInstanceOf(CertPathValidatorException.class)
        .hasRootCauseInstanceOf(CertificateExpiredException.class);
  }

  @Test
  void identityHoldsOneToThreeLocations() {
    CpsIdentity d = CpsIdentity.testDoctor();
    assertThat(d.practiceLocations()).hasSize(2);
    assertThatThrownBy(
            () ->
                new CpsIdentity(
                    d.psIdNat(),
                    3,
                    d.name(),
                    d.given(),
                    "10",
                    d.professionOid(),
                    d.professionLabel(),
                    d.specialtyCode(),
                    d.specialtyLabel(),
                    List.of(),
                    d.cardSerialNumber(),
                    d.validUntil(),
                    1))
        .isInstanceOf(IllegalArgumentException.class);
    List<PracticeLocation> four =
        List.of(
            d.practiceLocations().get(0),
            d.practiceLocations().get(0),
            d.practiceLocations().get(0),
            d.practiceLocations().get(0));
    assertThatThrownBy(
            () ->
                new CpsIdentity(
                    d.psIdNat(),
                    3,
                    d.name(),
                    d.given(),
                    "10",
                    d.professionOid(),
                    d.professionLabel(),
                    d.specialtyCode(),
                    d.specialtyLabel(),
                    four,
                    d.cardSerialNumber(),
                    d.validUntil(),
                    1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] extensionValue(X509Certificate certificate, String oid) {
    return ASN1OctetString.getInstance(certificate.getExtensionValue(oid)).getOctets();
  }

  private static void validate(
      X509Certificate leaf, List<X509Certificate> chain, X509Certificate root) throws Exception {
    List<X509Certificate> path = new ArrayList<>();
    path.add(leaf);
    path.addAll(chain.subList(0, chain.size() - 1));
    CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
  }
}
