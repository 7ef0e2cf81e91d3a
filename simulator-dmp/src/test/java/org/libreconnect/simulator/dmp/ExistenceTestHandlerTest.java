package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.simulator.dmp.DmpFixture.find;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

class ExistenceTestHandlerTest {
  private final DmpFixture dmp = new DmpFixture();

  private DmpResponse existence(String ins) {
    return dmp.send(DmpService.PATIENTS, Bodies.TD02_ACTION, dmp.vihf(ins),
        Bodies.patientQuery(ins, "TEST_EXST"));
  }

  @ParameterizedTest
  @CsvSource({
    DmpFixture.VALID + ",VALIDE",
    DmpFixture.EXPIRED + ",EXPIRE",
    DmpFixture.BLOCKED + ",INTERDIT",
    DmpFixture.NOT_AUTHORISED + ",NON_EXISTE"
  })
  void reportsTheCallersAuthorisationOnAnExistingDmp(String ins, String authorisation) {
    DmpResponse response = existence(ins);

    assertThat(response.fault()).isFalse();
    assertThat(response.body().getLocalName()).isEqualTo("PRPA_IN201308UV02");
    assertThat(response.addressingHeader("Action")).contains("urn:hl7-org:v3:PRPA_IN201308UV02");
    Element value = Xml.descendants(response.body(), Namespaces.HL7, "attentionLine").get(0);
    assertThat(Xml.child(value, Namespaces.HL7, "keyWordText").orElseThrow().getAttribute("code"))
        .isEqualTo("AUTORISATION");
    assertThat(Xml.child(value, Namespaces.HL7, "value").orElseThrow().getAttribute("code"))
        .isEqualTo(authorisation);
    assertThat(find(response, Namespaces.HL7, "queryResponseCode").getAttribute("code"))
        .isEqualTo("OK");
    assertThat(find(response, Namespaces.HL7, "acknowledgement").getAttribute("typeCode"))
        .isEqualTo("AA");
    Element patient = find(response, Namespaces.HL7, "patient");
    assertThat(Xml.children(patient, Namespaces.HL7, "id"))
        .anySatisfy(id -> assertThat(id.getAttribute("extension")).isEqualTo(ins));
    assertThat(Xml.child(patient, Namespaces.HL7, "statusCode").orElseThrow().getAttribute("code"))
        .isEqualTo("active");
  }

  @Test
  void echoesTheRequestIdsAndAnswersFromTheDmpToTheSender() {
    Envelope envelope = Envelope.of(Bodies.TD02_ACTION, dmp.vihf(DmpFixture.VALID).xml(),
        Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST"));

    DmpResponse response = dmp.send(DmpService.PATIENTS, envelope);

    assertThat(response.addressingHeader("RelatesTo")).contains(envelope.messageId());
    assertThat(response.addressingHeader("MessageID")).hasValueSatisfying(
        id -> assertThat(id).startsWith("urn:uuid:").isNotEqualTo(envelope.messageId()));
    Element target = find(response, Namespaces.HL7, "targetMessage");
    assertThat(Xml.child(target, Namespaces.HL7, "id").orElseThrow().getAttribute("extension"))
        .isEqualTo("req-1");
    Element queryId = find(response, Namespaces.HL7, "queryId");
    assertThat(queryId.getAttribute("extension")).isEqualTo("query-1");
    Element receiver = find(response, Namespaces.HL7, "receiver");
    assertThat(Xml.descendant(receiver, Namespaces.HL7, "id").orElseThrow().getAttribute("root"))
        .isEqualTo("1.2.250.1.999");
    assertThat(Xml.text(find(response, Namespaces.HL7, "creationTime"))).isEmpty();
    assertThat(find(response, Namespaces.HL7, "creationTime").getAttribute("value"))
        .isEqualTo("20250602083000");
  }

  @Test
  void reportsTheTreatingPhysicianFlagAndPatientObservations() {
    DmpResponse response = existence(DmpFixture.CLOSED);

    Element mtLine = Xml.descendants(response.body(), Namespaces.HL7, "attentionLine").get(1);
    assertThat(Xml.child(mtLine, Namespaces.HL7, "value").orElseThrow().getAttribute("value"))
        .isEqualTo("true");
    assertThat(Xml.toString(response.body())).contains("COMPTE_INTERNET_OUVERT")
        .contains("RATTACHEMENT_ENS").contains("xsi:type=\"BL\"");
  }

  @Test
  void aClosedDmpIsTerminated() {
    DmpResponse response = existence(DmpFixture.CLOSED);

    Element status = Xml.child(find(response, Namespaces.HL7, "patient"), Namespaces.HL7,
        "statusCode").orElseThrow();
    assertThat(status.getAttribute("code")).isEqualTo("terminated");
    assertThat(find(response, Namespaces.HL7, "queryResponseCode").getAttribute("code"))
        .isEqualTo("OK");
  }

  @Test
  void aPatientWithoutDmpIsNotFound() {
    DmpResponse response = existence(DmpFixture.ABSENT);

    assertThat(response.fault()).isFalse();
    assertThat(find(response, Namespaces.HL7, "queryResponseCode").getAttribute("code"))
        .isEqualTo("NF");
    assertThat(Xml.descendant(response.body(), Namespaces.HL7, "patient")).isEmpty();
  }

  @Test
  void theBodyPatientMustBeTheVihfResource() {
    DmpResponse response = dmp.send(DmpService.PATIENTS, Bodies.TD02_ACTION,
        dmp.vihf(DmpFixture.EXPIRED), Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST"));

    assertThat(response.fault()).isTrue();
    assertThat(response.faultSubcode()).contains("DMPVihfInvalid");
  }
}
