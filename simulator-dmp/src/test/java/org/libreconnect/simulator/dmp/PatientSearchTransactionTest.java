package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.check.OfficialSchemas;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/**
 * TD0.5 (PDQ search without INS) against the simulator, from the official example request: only
 * a professional in régulation ({@code centre_15}) may search; the criteria select the seeded
 * patients with an open DMP; every answer is valid against the official PRPA_IN201306UV02 schema.
 */
class PatientSearchTransactionTest {
  private static final String NAME_PARAMETER =
      "(?s)<livingSubjectName>.*</livingSubjectName>";
  private final DmpFixture dmp = new DmpFixture();

  @Test
  void theOfficialExampleInNormalAccessIsRefusedByTheRightsService() {
    DmpResponse answer = dmp.send(OfficialExample.request("TD0.5", DmpService.PATIENTS_PDQ, DmpFixture.NOW));

    assertThat(answer.faultSubcode()).hasValue("DMPAccessDeniedByRightsService");
    assertThat(answer.faultReason()).hasValueSatisfying(reason -> assertThat(reason).contains("régulation"));
  }

  @Test
  void theOfficialExampleInRegulationIsAnsweredWithASchemaValidAnswer() {
    DmpResponse answer = search(Function.identity());

    assertValid(answer);
    assertThat(responseCode(answer)).isEqualTo("NF");
    assertThat(insOf(answer)).isEmpty();
    assertThat(dmp.dispatcher.journal().nonConformities()).isEmpty();
  }

  @Test
  void aNameFindsThePatientsWithAnOpenDmp() {
    DmpResponse answer = search(name("<family>Bernard-Essai</family>"));

    assertValid(answer);
    assertThat(responseCode(answer)).isEqualTo("OK");
    // LEO BERNARD-ESSAI has no DMP: only PAUL is found
    assertThat(insOf(answer)).containsExactly(DmpFixture.BLOCKED);
    assertThat(DmpFixture.texts(answer, Namespaces.HL7, "city")).containsExactly("LYON");
    assertThat(DmpFixture.find(answer, Namespaces.HL7, "queryMatchObservation").getElementsByTagNameNS(
        Namespaces.HL7, "value").item(0).getAttributes().getNamedItem("value").getNodeValue()).isEqualTo("100");
    assertThat(Xml.attribute(DmpFixture.find(answer, Namespaces.HL7, "resultTotalQuantity"), "value"))
        .hasValue("1");
  }

  @Test
  void givenNameSexBirthDateAndAddressNarrowTheSearch() {
    String twoMartins = "<family>MARTIN-ESSAI</family>";
    assertThat(insOf(search(name(twoMartins)))).containsExactly(DmpFixture.VALID);
    assertThat(insOf(search(name(twoMartins).andThen(criteria(
        "<livingSubjectAdministrativeGender><value code=\"F\"/>"
            + "<semanticsText>LivingSubject.administrativeGender</semanticsText></livingSubjectAdministrativeGender>"
            + "<livingSubjectBirthTime><value value=\"19790315\"/>"
            + "<semanticsText>LivingSubject.birthTime</semanticsText></livingSubjectBirthTime>",
        "<patientAddress><value><postalCode>75012</postalCode><city>Paris</city></value>"
            + "<semanticsText>Patient.addr</semanticsText></patientAddress>")))))
        .containsExactly(DmpFixture.VALID);
    assertThat(insOf(search(name("<family>MARTIN-ESSAI</family><given>JEANNE</given>")))).isEmpty();
    assertThat(insOf(search(name(twoMartins).andThen(criteria("",
        "<patientAddress><value><postalCode>59113</postalCode></value>"
            + "<semanticsText>Patient.addr</semanticsText></patientAddress>"))))).isEmpty();
  }

  @Test
  void approximateNameAndCityMatchCloseSpellingsOnlyWhenAsked() {
    Function<String, String> misspelt = name("<family>MARTAN ESSAI</family>").andThen(criteria("",
        "<patientAddress><value><city>PARI</city></value><semanticsText>Patient.addr</semanticsText>"
            + "</patientAddress>"));
    assertThat(insOf(search(misspelt))).isEmpty();

    DmpResponse approximate = search(text -> misspelt.apply(text).replace("<parameterList>",
        "<matchCriterionList><matchAlgorithm><value xsi:type=\"ST\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">APPROCHANT</value>"
            + "<semanticsText>LivingSubject.name Patient.addr</semanticsText></matchAlgorithm>"
            + "</matchCriterionList><parameterList>"));
    assertValid(approximate);
    assertThat(insOf(approximate)).containsExactly(DmpFixture.VALID);
  }

  @Test
  void aNameOfOneLetterIsAnInvalidMessage() {
    DmpResponse answer = dmp.send(OfficialExample.request("TD0.5", DmpService.PATIENTS_PDQ, DmpFixture.NOW,
        regulation().andThen(name("<family>M</family>"))::apply));

    assertThat(answer.faultSubcode()).hasValue("DMPInvalidMessage");
    assertThat(answer.faultReason()).hasValueSatisfying(reason -> assertThat(reason).contains("family"));
  }

  @Test
  void aBodyTheOfficialSchemaRefusesIsAnInvalidMessage() {
    DmpResponse answer = dmp.send(OfficialExample.request("TD0.5", DmpService.PATIENTS_PDQ, DmpFixture.NOW,
        regulation().andThen(text -> text.replace("<semanticsText>LivingSubject.name</semanticsText>", ""))::apply));

    assertThat(answer.faultSubcode()).hasValue("DMPInvalidMessage");
    assertThat(answer.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("PRPA_IN201305UV02.xsd"));
  }

  @Test
  void anEmployeeCardIsRefusedEvenInRegulation() {
    DmpResponse answer = dmp.send(OfficialExample.request("TD0.5", DmpService.PATIENTS_PDQ, DmpFixture.NOW,
        regulation().andThen(text -> text.replaceAll("(?s)<saml2:Attribute Name=\"urn:oasis:names:tc:xacml:2.0:"
            + "subject:role\">.*?</saml2:Attribute>", "<saml2:Attribute Name=\"urn:oasis:names:tc:xacml:2.0:"
            + "subject:role\"><saml2:AttributeValue><Role xmlns=\"urn:hl7-org:v3\" code=\"SECRETARIAT_MEDICAL\""
            + " codeSystem=\"1.2.250.1.213.1.1.4.6\" displayName=\"Secrétariat\" xsi:type=\"CE\"/>"
            + "</saml2:AttributeValue></saml2:Attribute>"))::apply));

    assertThat(answer.faultSubcode()).hasValue("DMPAccessDeniedByRightsService");
  }

  @Test
  void theSearchIsServedOnThePdqServiceOnly() {
    DmpResponse answer = dmp.send(OfficialExample.request("TD0.5", DmpService.PATIENTS, DmpFixture.NOW,
        regulation()));

    assertThat(answer.faultSubcode()).hasValue("DMPInvalidMessage");
    assertThat(answer.faultReason()).hasValueSatisfying(reason -> assertThat(reason).contains("patientsPDQ"));
  }

  private DmpResponse search(Function<String, String> edit) {
    DmpResponse response = dmp.send(OfficialExample.request("TD0.5", DmpService.PATIENTS_PDQ, DmpFixture.NOW,
        regulation().andThen(edit)::apply));
    assertThat(response.faultReason()).isEqualTo(Optional.empty());
    assertThat(response.body().getLocalName()).isEqualTo("PRPA_IN201306UV02");
    return response;
  }

  private static UnaryOperator<String> regulation() {
    return text -> text.replace("code=\"normal\"", "code=\"centre_15\"");
  }

  private static Function<String, String> name(String value) {
    return text -> text.replaceFirst(NAME_PARAMETER, "<livingSubjectName><value>" + value
        + "</value><semanticsText>LivingSubject.name</semanticsText></livingSubjectName>");
  }

  /** Adds parameters before and after {@code livingSubjectName}, in the schema's order. */
  private static Function<String, String> criteria(String before, String after) {
    return text -> text.replace("<livingSubjectName>", before + "<livingSubjectName>")
        .replace("</livingSubjectName>", "</livingSubjectName>" + after);
  }

  private static void assertValid(DmpResponse answer) {
    assertThat(OfficialSchemas.errors(OfficialSchemas.HL7_PATIENT_FOUND, Xml.parse(Xml.toString(answer.body()))))
        .isEmpty();
  }

  private static String responseCode(DmpResponse answer) {
    return DmpFixture.find(answer, Namespaces.HL7, "queryResponseCode").getAttribute("code");
  }

  private static List<String> insOf(DmpResponse answer) {
    return Xml.descendants(answer.body(), Namespaces.HL7, "patient").stream()
        .map(patient -> Xml.child(patient, Namespaces.HL7, "id").orElseThrow())
        .map(id -> id.getAttribute("extension")).toList();
  }
}
