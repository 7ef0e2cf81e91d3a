package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.check.RequestRules;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.store.DmpState;

/**
 * TD1.1 to TD1.4 against the simulator: the official TD1.3b and TD1.4 examples are accepted and
 * change the store; TD1.1 and TD1.2 (no official example) are the TD1.3b example turned into
 * them; wrong requests get the patient service's refusals.
 */
class PatientRecordTransactionsTest {
  private static final String EXAMPLE_INS = DmpFixture.EXPIRED;
  private final DmpFixture dmp = new DmpFixture();

  @Test
  void theOfficialUpdateExampleIsAcceptedAndChangesTheRecord() {
    authorise();

    DmpResponse answer = send("TD1.3b", UnaryOperator.identity());

    assertThat(ack(answer)).isEqualTo("AA");
    assertThat(answer.body().getLocalName()).isEqualTo("PRPA_IN201315UV02");
    assertThat(dmp.store.patient(EXAMPLE_INS).orElseThrow().email())
        .isEqualTo("dominque.pattrois@mail.com");
    assertThat(dmp.dispatcher.journal().nonConformities()).isEmpty();
  }

  @Test
  void theOfficialClosingExampleClosesTheRecordOnceThenItIsRefused() {
    authorise();

    assertThat(ack(send("TD1.4", UnaryOperator.identity()))).isEqualTo("AA");
    assertThat(dmp.store.patient(EXAMPLE_INS).orElseThrow().state()).isEqualTo(DmpState.CLOSED);

    DmpResponse again = send("TD1.4", UnaryOperator.identity());
    assertThat(ack(again)).isEqualTo("AE");
    assertThat(detail(again)).isEqualTo("DMPClosed");
    assertThat(again.body().getLocalName()).isEqualTo("PRPA_IN201316UV02");
    assertThat(detail(send("TD1.3b", UnaryOperator.identity()))).isEqualTo("DMPClosed");
  }

  @Test
  void closingWithoutAReasonIsAnInvalidMessage() {
    authorise();

    DmpResponse answer = dmp.send(OfficialExample.request("TD1.4", DmpService.PATIENTS,
        DmpFixture.NOW, text -> filled(text).replaceAll("(?s)<reasonOf.*</reasonOf>", "")));

    assertThat(answer.faultReason()).isPresent();
    assertThat(answer.faultSubcode()).hasValue("DMPInvalidMessage");
    assertThat(dmp.store.patient(EXAMPLE_INS).orElseThrow().state()).isEqualTo(DmpState.EXISTING);
  }

  @Test
  void reactivationNeedsAClosedRecordAndReopensIt() {
    authorise();
    UnaryOperator<String> reactivate = text -> text.replace("code=\"MODIF_DATA\"", "code=\"REACT\"");

    DmpResponse open = send("TD1.3b", reactivate);
    assertThat(detail(open)).isEqualTo("DMPNotClosed");

    send("TD1.4", UnaryOperator.identity());
    assertThat(ack(send("TD1.3b", reactivate))).isEqualTo("AA");
    assertThat(dmp.store.patient(EXAMPLE_INS).orElseThrow().state()).isEqualTo(DmpState.EXISTING);
  }

  @Test
  void creationIsRefusedForAnExistingRecordAndStoresANewOne() {
    DmpResponse existing = send("TD1.3b", DmpRecordTexts::asCreation);
    assertThat(existing.body().getLocalName()).isEqualTo("PRPA_IN201313UV02");
    assertThat(detail(existing)).isEqualTo("DMPFound");

    DmpResponse created = send("TD1.3b",
        text -> DmpRecordTexts.asCreation(text).replace(EXAMPLE_INS, DmpFixture.ABSENT));
    assertThat(ack(created)).isEqualTo("AA");
    assertThat(created.body().getLocalName()).isEqualTo("PRPA_IN201312UV02");
    assertThat(dmp.store.patient(DmpFixture.ABSENT).orElseThrow().state())
        .isEqualTo(DmpState.EXISTING);
    assertThat(dmp.store.patient(DmpFixture.ABSENT).orElseThrow().birthDate()).isEqualTo("19790328");
  }

  @Test
  void aBodyTheOfficialSchemaRefusesIsAnInvalidMessage() {
    authorise();

    DmpResponse answer = dmp.send(OfficialExample.request("TD1.3b", DmpService.PATIENTS,
        DmpFixture.NOW, text -> filled(text).replace("<statusCode code=\"active\"/>",
            "<statusCode code=\"active\"/><unknown/>")));

    assertThat(answer.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("PRPA_IN201314UV02.xsd"));
    assertThat(dmp.store.patient(EXAMPLE_INS).orElseThrow().email()).isNotEqualTo("dominque.pattrois@mail.com");
  }

  @Test
  void theOfficialExamplesAsShippedAreRefusedForTheirTemplateGapsOnly() {
    for (String name : new String[] {"TD1.3b", "TD1.4"}) {
      String shipped = OfficialExample.read(name + "-request.xml");
      assertThat(RequestRules.schemaErrors(Transaction.TD1_3B, body(filled(shipped))))
          .as(name).isEmpty();
      if (!shipped.equals(filled(shipped))) {
        assertThat(RequestRules.schemaErrors(Transaction.TD1_3B, body(shipped))).as(name)
            .isNotEmpty().allMatch(error -> error.contains("creationTime") || error.contains("^{date}")
                || error.contains("representedOrganization"));
      }
    }
  }

  private static org.w3c.dom.Element body(String text) {
    return Xml.descendant(Xml.parse(text).getDocumentElement(), Namespaces.HL7, "PRPA_IN201314UV02")
        .orElseThrow();
  }

  /**
   * The example with the gaps of its template filled: the TD1.3b example keeps the placeholder
   * {@code ^{date}} as creationTime, which the HL7 {@code TS} type refuses, and its author's
   * organisation lacks the {@code contactParty} the schema requires (the TD1.4 example has it).
   */
  static String filled(String text) {
    return text.replace("\"^{date}\"", "\"20250602083000\"").replaceAll(
        "(<name>CABINET DR LIBRE</name>)(\\s*</representedOrganization>)",
        "$1<contactParty classCode=\"CON\"/>$2");
  }

  private void authorise() {
    DmpResponse response = dmp.send(OfficialExample.request("TD0.3", DmpService.HABILITATIONS, DmpFixture.NOW));
    assertThat(response.faultReason()).isEqualTo(Optional.empty());
  }

  private DmpResponse send(String example, UnaryOperator<String> edit) {
    DmpResponse response = dmp.send(OfficialExample.request(example, DmpService.PATIENTS,
        DmpFixture.NOW, text -> edit.apply(filled(text))));
    assertThat(response.faultReason()).as(example).isEqualTo(Optional.empty());
    return response;
  }

  private static String ack(DmpResponse response) {
    return DmpFixture.find(response, Namespaces.HL7, "acknowledgement").getAttribute("typeCode");
  }

  private static String detail(DmpResponse response) {
    return Xml.descendant(response.body(), Namespaces.HL7, "acknowledgementDetail")
        .flatMap(found -> Xml.child(found, Namespaces.HL7, "code"))
        .map(code -> code.getAttribute("code")).orElse("");
  }

  /** Edits of the official TD1.3b example. */
  static final class DmpRecordTexts {
    private DmpRecordTexts() {}

    /**
     * The TD1.3b example as a TD1.1 creation: PRPA_IN201311UV02, no reason code, and the
     * patient's providerOrganization that the "add" message type requires.
     */
    static String asCreation(String text) {
      return text.replace("PRPA_IN201314UV02", "PRPA_IN201311UV02")
          .replaceAll("<reasonCode [^>]*/>", "")
          .replace("</patientPerson>", "</patientPerson><providerOrganization classCode=\"ORG\""
              + " determinerCode=\"INSTANCE\"><id root=\"1.2.250.1.71.4.2.2\""
              + " extension=\"499900063480001\"/><contactParty classCode=\"CON\"/>"
              + "</providerOrganization>");
    }
  }
}
