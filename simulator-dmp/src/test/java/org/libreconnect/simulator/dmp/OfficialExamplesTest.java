package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/**
 * The official example requests of the DMP's LPS package pass every check of the simulator: the
 * only refusals left are the functional ones their data calls for (documents of another DMP).
 */
class OfficialExamplesTest {
  private final DmpFixture dmp = new DmpFixture();

  @Test
  void theExistenceTestAndTheAuthorisationUpdateAreAnswered() {
    DmpResponse existence = send("TD0.2", DmpService.PATIENTS);
    assertThat(existence.fault()).isFalse();
    assertThat(DmpFixture.find(existence, Namespaces.HL7, "acknowledgement")
        .getAttribute("typeCode")).isEqualTo("AA");

    DmpResponse authorisation = send("TD0.3", DmpService.HABILITATIONS);
    assertThat(authorisation.fault()).isFalse();
    assertThat(status(authorisation)).isEqualTo("DMPOk");
  }

  @Test
  void onceAuthorisedTheReadingExamplesSucceed() {
    send("TD0.3", DmpService.HABILITATIONS);

    assertThat(status(send("TD0.4", DmpService.PATIENTS_SPECIFIC))).isEqualTo("DMPOk");
    DmpResponse administrative = send("TD1.3a", DmpService.PATIENTS);
    assertThat(administrative.fault()).isFalse();
    assertThat(DmpFixture.find(administrative, Namespaces.HL7, "acknowledgement")
        .getAttribute("typeCode")).isEqualTo("AA");
    assertThat(status(send("TD1.6", DmpService.HABILITATIONS))).isEqualTo("DMPOk");
    assertThat(xdsStatus(send("TD3.1", DmpService.REGISTRY))).endsWith(":Success");
  }

  @Test
  void theSubmissionExampleIsStoredOnceItsCdaHasTheMinimalStructure() {
    send("TD0.3", DmpService.HABILITATIONS);

    DmpResponse submission = dmp.send(OfficialExample.request("TD2.1", DmpService.REPOSITORY,
        DmpFixture.NOW, OfficialExamplesTest::withMinimalStructureCda));

    assertThat(submission.fault()).isFalse();
    assertThat(errorCodes(submission)).isEmpty();
    assertThat(xdsStatus(submission)).endsWith(":Success");
  }

  @Test
  void theSubmissionExampleAsShippedIsRefusedForItsCdaHeaderOnly() {
    send("TD0.3", DmpService.HABILITATIONS);

    DmpResponse submission = send("TD2.1", DmpService.REPOSITORY);

    assertThat(errorCodes(submission)).containsExactly("DMPInvalidDocument");
    assertThat(Xml.descendant(submission.body(), Namespaces.RS, "RegistryError").orElseThrow()
        .getAttribute("codeContext")).contains("ExtrinsicObject DocumentME2")
        .contains("6 règle(s) non respectée(s), première : setId");
  }

  /**
   * The example with its CDA part replaced by one the CI-SIS minimal structure accepts, of the
   * example's own type ({@code 27899-4}, which its XDS typeCode repeats).
   */
  static String withMinimalStructureCda(String text) {
    int start = text.indexOf("<ClinicalDocument");
    int end = text.indexOf("</ClinicalDocument>") + "</ClinicalDocument>".length();
    String cda = new String(Cdas.forPatient("207058575627097", "Document 1"),
        java.nio.charset.StandardCharsets.UTF_8).replace("<code code=\"11488-4\"", "<code code=\"27899-4\"");
    return text.substring(0, start) + cda.substring(cda.indexOf("<ClinicalDocument"))
        + text.substring(end);
  }

  @Test
  void theRetrieveAndUpdateExamplesAreUnderstoodAndNameDocumentsOfAnotherDmp() {
    send("TD0.3", DmpService.HABILITATIONS);

    assertThat(errorCodes(send("TD3.2", DmpService.REPOSITORY)))
        .containsOnly("XDSDocumentUniqueIdError");
    for (String update : List.of("TD3.3c", "TD3.3d")) {
      DmpResponse response = send(update, DmpService.REGISTRY);
      assertThat(response.fault()).as(update).isFalse();
      assertThat(errorCodes(response)).as(update).containsOnly("XDSMetadataUpdateError");
    }
  }

  private DmpResponse send(String example, DmpService service) {
    DmpResponse response = dmp.send(OfficialExample.request(example, service, DmpFixture.NOW));
    assertThat(response.faultReason()).as(example).isEqualTo(Optional.empty());
    return response;
  }

  private static String status(DmpResponse response) {
    return Xml.descendants(response.body(), "*", "status").stream().findFirst()
        .map(Xml::text).orElse("");
  }

  private static String xdsStatus(DmpResponse response) {
    Element body = response.body();
    if (body.hasAttribute("status")) {
      return body.getAttribute("status");
    }
    return Xml.descendants(body, "*", "*").stream()
        .filter(element -> element.hasAttribute("status")).findFirst()
        .map(element -> element.getAttribute("status")).orElse("");
  }

  private static List<String> errorCodes(DmpResponse response) {
    return Xml.descendants(response.body(), Namespaces.RS, "RegistryError").stream()
        .map(error -> error.getAttribute("errorCode")).toList();
  }
}
