package org.libreconnect.pkcs11.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libreconnect.pkcs11.exceptions.CardObjectMissingException;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;

class CertificateHolderReaderTest {
  private static final LocalDate VALID_UNTIL = LocalDate.of(2031, 3, 14);
  private static CardCredentials card;

  @BeforeAll
  static void generate() {
    card = TestPki.generate().issueCard(CpsIdentity.testDoctor(VALID_UNTIL));
  }

  @Test
  void theTestDoctorIsReadFromTheAuthenticationCertificate() {
    CpsIdentity doctor = CpsIdentity.testDoctor(VALID_UNTIL);

    CpsHolder holder = CertificateHolderReader.read(card.authenticationCertificate());

    assertThat(holder.internalId()).isEqualTo(doctor.psIdNat());
    assertThat(holder.internalIdType()).isEqualTo(doctor.internalIdType());
    assertThat(holder.name()).isEqualTo(doctor.name());
    assertThat(holder.given()).isEqualTo(doctor.given());
    assertThat(holder.professionCode()).isEqualTo(doctor.professionCode());
    assertThat(holder.professionOid()).isEqualTo(doctor.professionOid());
    assertThat(holder.professionLabel()).isEqualTo(doctor.professionLabel());
    assertThat(holder.specialtyCode()).isEqualTo(doctor.specialtyCode());
    assertThat(holder.validUntil()).isEqualTo(VALID_UNTIL);
    assertThat(holder.source()).isEqualTo(HolderSource.CERTIFICATES);
  }

  @Test
  void whatCertificatesDoNotCarryIsLeftEmpty() {
    CpsHolder holder = CertificateHolderReader.read(card.signatureCertificate());
    assertThat(holder.specialtyLabel()).isEmpty();
    assertThat(holder.practiceLocations()).isEmpty();
    assertThat(holder.cardSerialNumber()).isEmpty();
  }

  @Test
  void theIdentifierTypeFollowsTheTypeDigit() {
    assertThat(CertificateHolderReader.identifierType("810002813839")).isEqualTo(3);
    assertThat(CertificateHolderReader.identifierType("00B7010446")).isEqualTo(4);
    assertThat(CertificateHolderReader.identifierType("3123456789")).isZero();
  }

  @Test
  void aNonNominativeCardUsesTheOrganisationAndTheCommonName() throws Exception {
    X509Certificate cpe = selfSigned("C=FR,O=CLINIQUE DES LILAS,OU=10B0127189,CN=10B0127189/0042");

    CpsHolder holder = CertificateHolderReader.read(cpe);

    assertThat(holder.name()).isEqualTo("CLINIQUE DES LILAS");
    assertThat(holder.given()).isEqualTo("10B0127189/0042");
    assertThat(holder.internalId()).isEqualTo("10B0127189/0042");
    assertThat(holder.professionCode()).isEmpty();
    assertThat(holder.specialtyCode()).isEmpty();
  }

  @Test
  void aSubjectWithoutCommonNameIsACardProblem() throws Exception {
    assertThatThrownBy(() -> CertificateHolderReader.read(selfSigned("C=FR,O=NOBODY")))
        .isInstanceOf(CardObjectMissingException.class)
        .hasMessageContaining("no CN");
  }

  private static X509Certificate selfSigned(String subject) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name(subject);
    Instant now = Instant.now();
    return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
            name, BigInteger.ONE, Date.from(now), Date.from(now.plus(1, ChronoUnit.DAYS)), name, keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
  }
}
