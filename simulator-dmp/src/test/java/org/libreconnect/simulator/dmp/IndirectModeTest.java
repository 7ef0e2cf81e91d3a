package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.vihf.VihfPolicy;

/** Indirect authentication: VIHFs signed by a structure certificate, and what it may do. */
class IndirectModeTest {
  private static KeyPair caKeys;
  private static X509Certificate ca;
  private static KeyPair orgKeys;
  private static X509Certificate organisation;

  private final DmpFixture dmp = new DmpFixture(VihfPolicy.defaults(List.of(ca)));

  @BeforeAll
  static void issue() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    caKeys = generator.generateKeyPair();
    orgKeys = generator.generateKeyPair();
    X500Name caName = new X500Name("CN=TEST AC ORGANISATIONS (TESTS),C=FR");
    ca = certificate(caName, caName, caKeys, caKeys, true);
    organisation = certificate(caName, new X500Name("CN=Logiciel de cabinet,"
        + "OU=" + VihfBuilder.STRUCTURE + ",O=CABINET DU DR MAX LIBRE,C=FR"), orgKeys, caKeys,
        false);
  }

  private static X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair subjectKeys,
      KeyPair issuerKeys, boolean authority) throws Exception {
    Date start = Date.from(DmpFixture.NOW.minusSeconds(3600));
    Date end = Date.from(DmpFixture.NOW.plusSeconds(86_400));
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
        BigInteger.valueOf(System.nanoTime()), start, end, subject, subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
        ? KeyUsage.keyCertSign : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    return new JcaX509CertificateConverter().getCertificate(builder.build(
        new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
  }

  private String structureVihf(String ins, String structure) throws Exception {
    return VihfSigner.sign(dmp.vihf(ins).text("Authentification_Mode", "INDIRECTE")
        .text(VihfBuilder.SUBJECT_ID, "Secrétariat, cabinet du Dr Libre")
        .text("Identifiant_Structure", structure).nameId("899900077985").xml(),
        orgKeys.getPrivate(), organisation);
  }

  @Test
  void aStructureFeedsADmpWithoutAuthorisation() throws Exception {
    byte[] cda = Cdas.forPatient(DmpFixture.NOT_AUTHORISED, "CR de test");
    DmpResponse response = dmp.send(DmpService.REPOSITORY, Envelope.of(Bodies.TD21_ACTION,
        structureVihf(DmpFixture.NOT_AUTHORISED, VihfBuilder.STRUCTURE),
        Bodies.provideAndRegister(DmpFixture.NOT_AUTHORISED, "2.25.77",
            "b64:" + Base64.getEncoder().encodeToString(cda), "")));

    assertThat(response.fault()).isFalse();
    assertThat(DmpFixture.find(response, Namespaces.RS, "RegistryResponse")
        .getAttribute("status")).endsWith(":Success");
  }

  @Test
  void aStructureSearchesOnlyItsOwnDocumentsAndReadsNone() throws Exception {
    DmpResponse found = dmp.send(DmpService.REGISTRY, Envelope.of(Bodies.TD31_ACTION,
        structureVihf(DmpFixture.VALID, VihfBuilder.STRUCTURE),
        Bodies.findDocuments(DmpFixture.VALID, "ObjectRef", Bodies.APPROVED)));
    assertThat(Xml.descendants(found.body(), Namespaces.RIM, "ObjectRef"))
        .extracting(ref -> ref.getAttribute("id")).containsExactly(DmpFixture.SEEN_ENTRY);

    DmpResponse read = dmp.send(DmpService.REPOSITORY, Envelope.of(Bodies.TD32_ACTION,
        structureVihf(DmpFixture.VALID, VihfBuilder.STRUCTURE),
        Bodies.retrieve(Bodies.REPOSITORY, DmpFixture.SEEN_DOCUMENT)));
    assertThat(read.faultSubcode()).contains("DMPAccessDeniedByRightsService");
    assertThat(read.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("TD3.2 n'est pas permise en authentification indirecte"));
  }

  @Test
  void theStructureMustBeTheSignersOrganisationalUnit() throws Exception {
    DmpResponse response = dmp.send(DmpService.PATIENTS, Envelope.of(Bodies.TD02_ACTION,
        structureVihf(DmpFixture.VALID, "499900063480002"),
        Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST")));

    assertThat(response.faultSubcode()).contains("DMPInvalidCertificate");
    assertThat(response.faultReason())
        .contains("Erreur d'authentification de la personne morale");
  }

  @Test
  void theTlsClientMustBeTheVihfSigner() throws Exception {
    String envelope = Envelope.of(Bodies.TD02_ACTION, structureVihf(DmpFixture.VALID, VihfBuilder.STRUCTURE),
        Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST")).xml();
    KeyPair otherKeys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    X509Certificate otherStructure = certificate(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
        new X500Name("CN=Autre logiciel,"
        + "OU=" + VihfBuilder.STRUCTURE + ",O=CABINET DU DR MAX LIBRE,C=FR"), otherKeys, caKeys, false);
    DmpResponse foreign = dmp.send(new org.libreconnect.simulator.dmp.soap.DmpRequest(DmpService.PATIENTS,
        Xml.parse(envelope), java.util.Map.of(),
        java.util.Optional.of(org.libreconnect.simulator.dmp.soap.ClientIdentity.of(otherStructure))));
    assertThat(foreign.faultSubcode()).contains("DMPInvalidCertificate");
    assertThat(foreign.faultReason()).contains("Erreur d'authentification de la personne morale");

    DmpResponse same = dmp.send(new org.libreconnect.simulator.dmp.soap.DmpRequest(DmpService.PATIENTS,
        Xml.parse(envelope), java.util.Map.of(),
        java.util.Optional.of(org.libreconnect.simulator.dmp.soap.ClientIdentity.of(organisation))));
    assertThat(same.fault()).as("the signer on TLS").isFalse();
  }
}
