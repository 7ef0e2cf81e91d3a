package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpRequest;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;

/** Envelope, WS-Addressing and routing rules, and error injection. */
class DmpDispatcherTest {
  private final DmpFixture dmp = new DmpFixture();

  private Envelope existence() {
    return Envelope.of(Bodies.TD02_ACTION, dmp.vihf(DmpFixture.VALID).xml(),
        Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST"));
  }

  @Test
  void eachAddressingHeaderIsRequired() {
    for (Envelope envelope : new Envelope[] {existence().messageId(null),
        existence().action(null), existence().withoutReplyTo()}) {
      DmpResponse response = dmp.send(DmpService.PATIENTS, envelope);

      assertThat(response.fault()).isTrue();
      assertThat(Xml.toString(response.body()))
          .contains("<soap:Value>wsa:MessageAddressingHeaderRequired</soap:Value>");
      assertThat(response.faultReason()).contains(
          "A required header representing a Message Addressing Property is not present");
    }
  }

  @Test
  void anActionNamingAnotherOperationIsNotSupported() {
    DmpResponse response = dmp.send(DmpService.PATIENTS,
        existence().action("urn:ihe:iti:2007:RegistryStoredQuery"));

    assertThat(response.fault()).isTrue();
    assertThat(Xml.toString(response.body()))
        .contains("<soap:Value>wsa:ActionNotSupported</soap:Value>");
    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("The [action] cannot be processed at the receiver"));
  }

  @Test
  void theWsdlSoapActionOfAnOperationIsAcceptedToo() {
    DmpResponse response = dmp.send(DmpService.HABILITATIONS, Envelope.of(
        "urn:hl7-org:v3:listAuthorizationByPatient", dmp.vihf(DmpFixture.VALID).xml(),
        Bodies.listAuthorizations("TOUTE")));

    assertThat(response.fault()).isFalse();
  }

  @Test
  void anUnknownBodyRootIsRefused() {
    DmpResponse response = dmp.send(DmpService.PATIENTS, Envelope.of(Bodies.TD02_ACTION,
        dmp.vihf(DmpFixture.VALID).xml(), "<inconnu xmlns=\"urn:x\"/>"));

    assertThat(response.faultSubcode()).contains("DMPInvalidMessage");
    assertThat(response.faultReason()).hasValueSatisfying(
        reason -> assertThat(reason).contains("opération inconnue {urn:x}inconnu"));
  }

  @Test
  void aTransactionPostedToAnotherServiceIsRefused() {
    DmpResponse response = dmp.send(DmpService.REGISTRY, existence());

    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("TD0.2 est servie par /si-dmp-server/v2/services/patients"));
  }

  @Test
  void somethingElseThanAnEnvelopeIsAFault() {
    DmpResponse response = dmp.send(DmpRequest.of(DmpService.PATIENTS, "<a/>"));

    assertThat(response.faultSubcode()).contains("DMPInvalidMessage");
  }

  @Test
  void aForcedErrorAnswersTheNextCallsOnlyInTheTransactionsChannel() {
    dmp.injector.failNext(Transaction.TD0_2, 2, DmpError.CLOSED);

    for (int i = 0; i < 2; i++) {
      DmpResponse refused = dmp.send(DmpService.PATIENTS, existence());
      assertThat(refused.fault()).isFalse();
      assertThat(DmpFixture.find(refused, Namespaces.HL7, "acknowledgement")
          .getAttribute("typeCode")).isEqualTo("AE");
      assertThat(DmpFixture.find(refused, Namespaces.HL7, "code").getAttribute("code"))
          .isEqualTo("DMPClosed");
    }
    assertThat(DmpFixture.find(dmp.send(DmpService.PATIENTS, existence()), Namespaces.HL7,
        "acknowledgement").getAttribute("typeCode")).isEqualTo("AA");
  }

  @Test
  void aForcedSecurityErrorIsAFaultWithItsText() {
    dmp.injector.failNext(Transaction.TD3_1, 1, DmpError.ACCESS_DENIED, "Accès refusé : test");

    DmpResponse response = dmp.send(DmpService.REGISTRY, Bodies.TD31_ACTION,
        dmp.vihf(DmpFixture.VALID), Bodies.findDocuments(DmpFixture.VALID, "LeafClass",
            Bodies.APPROVED));

    assertThat(response.faultSubcode()).contains("DMPAccessDeniedByRightsService");
    assertThat(response.faultReason()).contains("Accès refusé : test");
  }

  @Test
  void aForcedXdsErrorIsARegistryError() {
    dmp.injector.failNext(Transaction.TD2_1, 1, DmpError.XDS_REPOSITORY);

    DmpResponse response = dmp.send(DmpService.REPOSITORY, Bodies.TD21_ACTION,
        dmp.vihf(DmpFixture.VALID), "<xdsb:ProvideAndRegisterDocumentSetRequest"
            + " xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\"/>");

    assertThat(DmpFixture.find(response, Namespaces.RS, "RegistryError")
        .getAttribute("errorCode")).isEqualTo("XDSRepositoryError");
  }

  @Test
  void aDelaySlowsTheAnswerDown() {
    dmp.injector.delay(Transaction.TD0_2, Duration.ofMillis(300));

    long started = System.nanoTime();
    dmp.send(DmpService.PATIENTS, existence());

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(
        Duration.ofMillis(300));
  }

  @Test
  void aClockOffsetMovesTheVihfTimeWindow() {
    dmp.injector.clockOffset(Duration.ofHours(2));
    assertThat(dmp.send(DmpService.PATIENTS, existence()).faultSubcode())
        .contains("DMPVihfExpired");

    dmp.injector.clear();
    assertThat(dmp.send(DmpService.PATIENTS, existence()).fault()).isFalse();
  }
}
