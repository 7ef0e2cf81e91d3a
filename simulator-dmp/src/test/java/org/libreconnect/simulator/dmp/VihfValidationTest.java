package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libreconnect.simulator.dmp.soap.ClientIdentity;
import org.libreconnect.simulator.dmp.soap.DmpRequest;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.vihf.VihfPolicy;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;

/** The VIHF checks of dmp.md §6.3, one change to a good VIHF at a time. */
class VihfValidationTest {
  private static TestPki pki;
  private static CardCredentials card;

  private DmpFixture dmp = new DmpFixture();

  @BeforeAll
  static void generate() {
    pki = TestPki.generate(Clock.fixed(DmpFixture.NOW, ZoneOffset.UTC), 2048);
    card = pki.issueCard(CpsIdentity.testDoctor());
  }

  private DmpResponse existence(VihfBuilder vihf) {
    return dmp.send(DmpService.PATIENTS, Bodies.TD02_ACTION, vihf,
        Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST"));
  }

  private static void assertFault(DmpResponse response, String code, String text) {
    assertThat(response.fault()).as("a SOAP fault").isTrue();
    assertThat(response.faultSubcode()).contains(code);
    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains(text));
    assertThat(response.addressingHeader("Action"))
        .contains("http://www.w3.org/2005/08/addressing/soap/fault");
  }

  @Test
  void aCompleteVihfIsAccepted() {
    assertThat(existence(dmp.vihf(DmpFixture.VALID)).fault()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"VIHF_Version", "Authentification_Mode", "Identifiant_Structure",
      "Secteur_Activite", VihfBuilder.ROLE, VihfBuilder.RESOURCE_ID, "Ressource_URN",
      VihfBuilder.PURPOSE, "LPS_Nom", "LPS_Version", "LPS_ID_HOMOLOGATION_DMP"})
  void eachRequiredAttributeIsRequired(String attribute) {
    assertFault(existence(dmp.vihf(DmpFixture.VALID).without(attribute)), "DMPVihfInvalid",
        "attribut obligatoire absent : " + attribute);
  }

  @Test
  void attributeNamesAreComparedWithoutCase() {
    VihfBuilder officialSpelling = dmp.vihf(DmpFixture.VALID)
        .rename("Authentification_Mode", "Authentification_mode");

    assertThat(existence(officialSpelling).fault()).isFalse();
  }

  @Test
  void theResourceIdIsOptionalForTheListOfAuthorisedDmps() {
    DmpResponse response = dmp.send(DmpService.PATIENTS_SPECIFIC, Bodies.TD04_ACTION,
        dmp.vihf(null), Bodies.patientList("20000101000000", "LASTAUTORIZATION"));

    assertThat(response.fault()).isFalse();
  }

  @Test
  void theSecurityHeaderMustHoldTheAssertion() {
    DmpResponse response = dmp.send(DmpService.PATIENTS,
        Envelope.of(Bodies.TD02_ACTION, "", Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST"))
            .withoutSecurity());

    assertFault(response, "DMPVihfInvalid", "VIHF absent");
  }

  @Test
  void theAssertionMustBeSaml2() {
    assertFault(existence(dmp.vihf(DmpFixture.VALID).samlVersion("1.1")), "DMPVihfInvalid",
        "SAML 2.0");
  }

  @Test
  void version3IsExpectedAnd4Tolerated() {
    assertThat(existence(dmp.vihf(DmpFixture.VALID).text("VIHF_Version", "4.0")).fault())
        .isFalse();
    assertFault(existence(dmp.vihf(DmpFixture.VALID).text("VIHF_Version", "2.0")),
        "DMPVihfInvalid", "VIHF_Version 2.0 non supportée");
  }

  @Test
  void theModeMustBeKnown() {
    assertFault(existence(dmp.vihf(DmpFixture.VALID).text("Authentification_Mode", "CARTE")),
        "DMPVihfInvalid", "Authentification_Mode CARTE inconnu");
  }

  @Test
  void theResourceMustBeTheDmp() {
    assertFault(existence(dmp.vihf(DmpFixture.VALID).text("Ressource_URN", "urn:autre")),
        "DMPVihfInvalid", "Ressource_URN doit valoir urn:dmp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"urgence", "brisDeGlace", "NORMAL"})
  void thePurposeOfUseMustBeATreR248Code(String code) {
    assertFault(existence(dmp.vihf(DmpFixture.VALID).purpose(code)), "DMPVihfInvalid",
        "mode d'accès (PurposeOfUse) " + code + " inconnu");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bris_de_glace", "centre_15"})
  void theOtherAccessModesAreAccepted(String code) {
    assertThat(existence(dmp.vihf(DmpFixture.VALID).purpose(code)).fault()).isFalse();
  }

  @Test
  void theResourceIdMustBeAnInsInCxForm() {
    assertFault(existence(dmp.vihf(DmpFixture.VALID)
            .text(VihfBuilder.RESOURCE_ID, DmpFixture.VALID + "^^^&1.2.250.1.213.1.4.2&ISO^NH")),
        "DMPVihfInvalid", "resource-id doit être un INS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10", "21"})
  void doctorsAndPharmacistsNeedASpecialty(String profession) {
    assertFault(existence(dmp.vihf(DmpFixture.VALID).roles(profession, null)),
        "DMPMissingSpeciality", "Aucune spécialité dans le vihf. Spécialité obligatoire pour les"
            + " Médecins");
  }

  @Test
  void nursesNeedNoSpecialty() {
    assertThat(existence(dmp.vihf(DmpFixture.VALID).roles("60", null)).fault()).isFalse();
  }

  @Test
  void anIssueInstantTooOldIsExpired() {
    VihfBuilder old = dmp.vihf(DmpFixture.VALID)
        .issueInstant(DmpFixture.NOW.minus(VihfPolicy.DEFAULT_MAX_AGE).minusSeconds(1));

    assertFault(existence(old), "DMPVihfExpired", "IssueInstant est trop ancien");
  }

  @Test
  void anIssueInstantInTheFutureIsNotYetValid() {
    VihfBuilder future = dmp.vihf(DmpFixture.VALID).issueInstant(DmpFixture.NOW.plus(
        VihfPolicy.DEFAULT_MAX_FUTURE_SKEW).plusSeconds(1));

    assertFault(existence(future), "DMPVihfExpired", "IssueInstant est dans le futur");
  }

  @Test
  void aSmallClockSkewIsTolerated() {
    VihfBuilder skewed = dmp.vihf(DmpFixture.VALID)
        .issueInstant(DmpFixture.NOW.plus(Duration.ofMinutes(4)));

    assertThat(existence(skewed).fault()).isFalse();
  }

  @Test
  void conditionsAreHonouredWhenPresent() {
    VihfBuilder ended = dmp.vihf(DmpFixture.VALID).conditions(
        DmpFixture.NOW.minusSeconds(600), DmpFixture.NOW.minusSeconds(1));

    assertFault(existence(ended), "DMPVihfExpired", "NotOnOrAfter");
  }

  @Test
  void theStructureMustBeKnown() {
    assertFault(existence(dmp.vihf(DmpFixture.VALID)
            .text("Identifiant_Structure", "499999999999999")),
        "DMPStructureNotFound", "Structure introuvable ou Inactive");
  }

  @Test
  void theProfessionalMustBeLinkedToTheStructure() {
    VihfBuilder other = dmp.vihf(DmpFixture.VALID).nameId("899900012345");

    assertFault(existence(other), "DMPPSStructureNotLinked", "PS et Structure non liés");
  }

  @Test
  void theNameIdMatchesTheCertificateOnlyWhenAskedTo() {
    DmpRequest request = DmpRequest.of(DmpService.PATIENTS, Envelope.of(Bodies.TD02_ACTION,
            dmp.vihf(DmpFixture.VALID).nameId("899900012345")
                .text("Identifiant_Structure", "499900063480002").xml(),
            Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST")).xml())
        .withClient(ClientIdentity.of(card.authenticationCertificate()));
    assertThat(dmp.send(request).fault()).isFalse();

    dmp = new DmpFixture(VihfPolicy.defaults(List.of()).withNameIdCheck(true));
    assertFault(dmp.send(request), "DMPVihfInvalid", "NameID ne correspond pas");
  }

  @Test
  void aVihfSignedWithTheSignatureCertificateIsAccepted() throws Exception {
    dmp = new DmpFixture(VihfPolicy.defaults(List.of(pki.fortPersons())));
    String signed = VihfSigner.sign(dmp.vihf(DmpFixture.VALID).xml(),
        card.signatureKeys().getPrivate(), card.signatureCertificate());

    DmpResponse response = dmp.send(DmpService.PATIENTS,
        Envelope.of(Bodies.TD02_ACTION, signed, Bodies.patientQuery(DmpFixture.VALID,
            "TEST_EXST")));

    assertThat(response.fault()).isFalse();
  }

  @Test
  void aVihfSignedWithTheAuthenticationCertificateIsRefused() throws Exception {
    dmp = new DmpFixture(VihfPolicy.defaults(List.of(pki.fortPersons())));
    String signed = VihfSigner.sign(dmp.vihf(DmpFixture.VALID).xml(),
        card.authenticationKeys().getPrivate(), card.authenticationCertificate());

    DmpResponse response = dmp.send(DmpService.PATIENTS, Envelope.of(Bodies.TD02_ACTION, signed,
        Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST")));

    assertFault(response, "DMPInvalidCertificate",
        "Le certificat ayant signé le VIHF est invalide : Not a valid signature certificate");
  }

  @Test
  void aTamperedSignatureIsRefused() throws Exception {
    dmp = new DmpFixture(VihfPolicy.defaults(List.of(pki.fortPersons())));
    String signed = VihfSigner.sign(dmp.vihf(DmpFixture.VALID).xml(),
        card.signatureKeys().getPrivate(), card.signatureCertificate())
        .replace(">0.1.0<", ">9.9.9<");

    DmpResponse response = dmp.send(DmpService.PATIENTS, Envelope.of(Bodies.TD02_ACTION, signed,
        Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST")));

    assertFault(response, "DMPVihfInvalid", "signature incorrecte");
  }

  @Test
  void aSignerFromAnUntrustedCaIsRefused() throws Exception {
    String signed = VihfSigner.sign(dmp.vihf(DmpFixture.VALID).xml(),
        card.signatureKeys().getPrivate(), card.signatureCertificate());

    DmpResponse response = dmp.send(DmpService.PATIENTS, Envelope.of(Bodies.TD02_ACTION, signed,
        Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST")));

    assertFault(response, "DMPInvalidCertificate", "not trusted");
  }

  @Test
  void indirectModeNeedsASignatureAndASubjectId() {
    VihfBuilder indirect = dmp.vihf(DmpFixture.VALID).text("Authentification_Mode", "INDIRECTE");
    assertFault(existence(indirect), "DMPVihfInvalid", VihfBuilder.SUBJECT_ID);

    indirect.text(VihfBuilder.SUBJECT_ID, "Secrétariat, cabinet");
    assertFault(existence(indirect), "DMPInvalidCertificate", "doit être signé");
  }

  @Test
  void faultsAnswerTheRequestMessage() {
    Envelope envelope = Envelope.of(Bodies.TD02_ACTION,
        dmp.vihf(DmpFixture.VALID).without("LPS_Nom").xml(),
        Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST"));

    DmpResponse response = dmp.send(DmpService.PATIENTS, envelope);

    assertThat(response.addressingHeader("RelatesTo")).isEqualTo(Optional.of(envelope.messageId()));
  }
}
