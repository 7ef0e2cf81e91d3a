package org.libreconnect.insi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.libreconnect.dmp.errors.DmpAnswerException;
import org.libreconnect.dmp.transport.SoapFaultException;
import org.libreconnect.dmp.xml.Xml;
import org.libreconnect.protocol.command.InsiCommands.InsSearchAnswer;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The INSi client's parts that need no card: URLs, traits, bodies, the answer reader, faults. */
class InsiClientTest {

  @Test
  void theOfficialExampleAnswerReadsAsOneIdentity() throws Exception {
    Document answer = Xml.parse(resource("/insi/example-answer.xml"));
    Element resultat = Xml.path(answer.getDocumentElement(), "Body").flatMap(Xml::firstElement).orElseThrow();
    validate("INSi_RESULTAT_INS.xsd", resultat);
    InsSearchAnswer read = InsiResult.read(resultat);
    assertThat(read.insIdentityResult()).isEqualTo(InsiResult.SINGLE);
    assertThat(read.identity().ins().value()).isEqualTo("2070585756270");
    assertThat(read.identity().ins().key()).isEqualTo("97");
    assertThat(read.identity().ins().oid()).isEqualTo("1.2.250.1.213.1.4.8");
    assertThat(read.identity().birthName()).isEqualTo("PATB-QUATRE");
    assertThat(read.identity().given()).isEqualTo("LAURENCE");
    assertThat(read.identity().sex()).isEqualTo(3);
    assertThat(read.identity().birthDate()).isEqualTo("1907-05-25");
    assertThat(read.identity().birthPlace()).isEqualTo("85756");
    assertThat(read.identity().history()).isEmpty();
    assertThat(InsiResult.holds(read.identity(), "2070585756270", "97", Optional.of("1.2.250.1.213.1.4.8"))).isTrue();
    assertThat(InsiResult.holds(read.identity(), "2070585756270", "98", Optional.empty())).isFalse();
  }

  @Test
  void reportCodesMapToTheJs2Results() {
    assertThat(InsiResult.read(resultat("01")).insIdentityResult()).isEqualTo(InsiResult.NONE);
    assertThat(InsiResult.read(resultat("02")).insIdentityResult()).isEqualTo(InsiResult.MULTIPLE);
    assertThatThrownBy(() -> InsiResult.read(resultat("99"))).isInstanceOf(DmpAnswerException.class);
  }

  @Test
  void traitsBodiesValidateAgainstTheOfficialSchemas() throws Exception {
    Document document = Xml.newDocument();
    Element traits = InsiEnvelope.traits(IdentityTraits.of("PATB-QUATRE", "LAURENCE", 3, "1907-05-25", "85756"))
        .apply(document);
    document.appendChild(traits);
    validate("INSi_RECSANS_INS.xsd", traits);
    Document vitaleDocument = Xml.newDocument();
    Element vitale = InsiEnvelope.vitale(new VitaleBeneficiary("", "", "1530789876585", "13", "19480000", 1,
        "HAMIDI-ESSAI", "", "FATIMA", 1)).apply(vitaleDocument);
    vitaleDocument.appendChild(vitale);
    validate("INSi_RECVITALE_INS.xsd", vitale);
    assertThat(Xml.text(vitale, "DateNaissance")).isEqualTo("1948-00-00");
    assertThat(Xml.text(vitale, "NomNaissance")).isEqualTo("HAMIDI-ESSAI");
    assertThat(Xml.child(vitale, "MatriculeIndividu")).isEmpty();
  }

  @Test
  void urlsNameProductionQualificationOrTheSimulator() {
    URI simulator = URI.create("https://127.0.0.1:4443/lps");
    assertThat(InsiUrls.resolve("s_insiUrl", "", Optional::empty).endpoint()).isEqualTo(InsiUrls.PRODUCTION);
    assertThat(InsiUrls.resolve("s_insiUrl", InsiUrls.QUALIFICATION.toString(), Optional::empty).endpoint())
        .isEqualTo(InsiUrls.QUALIFICATION);
    assertThat(InsiUrls.resolve("s_insiUrl", InsiUrls.QUALIFICATION.toString(), () -> Optional.of(simulator))
        .endpoint()).isEqualTo(simulator);
    assertThat(InsiUrls.resolve("s_insiUrl", "https://insi.example.test/lps", () -> Optional.of(simulator))
        .endpoint().getHost()).isEqualTo("insi.example.test");
    assertThatThrownBy(() -> InsiUrls.resolve("s_serviceUrl", "http://x/lps", Optional::empty))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("s_serviceUrl");
  }

  @Test
  void traitRulesNameTheKeyNeverTheValue() {
    assertThat(IdentityTraits.of(" DE LA FONTAINE ", "JEAN-PIERRE", 2, "2000-02-29", "2A004").birthName())
        .isEqualTo("DE LA FONTAINE");
    assertThat(IdentityTraits.of("DARC", "JEANNE", 3, "1950-01-01", null).sex()).isEqualTo("F");
    for (String bad : new String[] {"DUPONT2", "Dupont", "DUPONT_X", "DUPONT--", "ÉLODIE", "-DUPONT", "D'ARC", ""}) {
      assertThatThrownBy(() -> IdentityTraits.of(bad, "JEAN", 2, "1950-01-01", null))
          .isInstanceOf(InvalidParameterException.class).hasMessageContaining("s_birthName")
          .satisfies(e -> assertThat(bad.isEmpty() || !e.getMessage().contains(bad)).isTrue());
    }
    assertThatThrownBy(() -> IdentityTraits.of("DUPONT", "JEAN", 2, "1950-02-30", null))
        .hasMessageContaining("s_birthDate");
    assertThatThrownBy(() -> IdentityTraits.of("DUPONT", "JEAN", 2, "1950-01-01", "7505"))
        .hasMessageContaining("s_birthPlace");
  }

  @Test
  void faultsKeepTheServicesCodesAndText() {
    String detail = "<S:Fault xmlns:S=\"http://www.w3.org/2003/05/soap-envelope\"><S:Detail><siram:Erreur"
        + " xmlns:siram=\"urn:siram\" severite=\"fatal\" code=\"desir_550\">Numéro inconnu.</siram:Erreur></S:Detail></S:Fault>";
    RuntimeException mapped = InsiErrors.translate(new SoapFaultException("S:Sender", "siram_100",
        "L'accès par ce progiciel au service n'est pas autorisé.", detail.getBytes(StandardCharsets.UTF_8)));
    assertThat(mapped).isInstanceOf(org.libreconnect.dmp.errors.DmpApiException.class)
        .hasMessage("INSi error siram_100/desir_550: L'accès par ce progiciel au service n'est pas autorisé.");
    assertThat(((org.libreconnect.dmp.errors.DmpApiException) mapped).kind()).isEqualTo(InsiErrors.SOAP_FAULT);
  }

  private static Element resultat(String code) {
    return Xml.parse(("<r:RESULTAT xmlns:r=\"" + InsiNs.RESULTAT + "\"><r:CR><r:CodeCR>" + code
        + "</r:CodeCR><r:LibelleCR>x</r:LibelleCR></r:CR></r:RESULTAT>").getBytes(StandardCharsets.UTF_8))
        .getDocumentElement();
  }

  private static void validate(String schema, Element element) throws Exception {
    try (InputStream in = InsiClientTest.class.getResourceAsStream("/insi/" + schema)) {
      SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(in))
          .newValidator().validate(new DOMSource(element));
    }
  }

  private static byte[] resource(String path) throws Exception {
    try (InputStream in = InsiClientTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }
}
