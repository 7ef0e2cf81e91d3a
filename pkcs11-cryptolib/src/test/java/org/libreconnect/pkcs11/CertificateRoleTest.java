package org.libreconnect.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;

class CertificateRoleTest {
  private static TestPki pki;
  private static CardCredentials card;

  @BeforeAll
  static void generate() {
    pki = TestPki.generate();
    card = pki.issueCard(CpsIdentity.testDoctor());
  }

  @Test
  void theCardsTwoCertificatesAreToldApartByTheirUsages() {
    assertThat(CertificateRole.of(card.authenticationCertificate())).isEqualTo(CertificateRole.AUTHENTICATION);
    assertThat(CertificateRole.of(card.signatureCertificate())).isEqualTo(CertificateRole.SIGNATURE);
  }

  @Test
  void caAndServerCertificatesHaveNoCardRole() {
    assertThat(CertificateRole.of(pki.fortPersons())).isEqualTo(CertificateRole.OTHER);
    assertThat(CertificateRole.of(pki.fortRoot())).isEqualTo(CertificateRole.OTHER);
  }
}
