package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;

/**
 * Each defect the outside check against the official material found in a request gets the DMP's
 * fault: the official example with that one defect put in, never a success.
 */
class OfficialDefectsTest {
  private final DmpFixture dmp = new DmpFixture();

  private DmpResponse send(String example, DmpService service, UnaryOperator<String> defect) {
    return dmp.send(OfficialExample.request(example, service, DmpFixture.NOW, defect));
  }

  private DmpResponse submit(UnaryOperator<String> defect) {
    dmp.send(OfficialExample.request("TD0.3", DmpService.HABILITATIONS, DmpFixture.NOW));
    return send("TD2.1", DmpService.REPOSITORY,
        text -> defect.apply(OfficialExamplesTest.withMinimalStructureCda(text)));
  }

  private static List<String> registryErrors(DmpResponse response) {
    return Xml.descendants(response.body(), Namespaces.RS, "RegistryError").stream()
        .map(error -> error.getAttribute("errorCode")).toList();
  }

  private static String firstReason(DmpResponse response) {
    return Xml.descendants(response.body(), Namespaces.RS, "RegistryError").stream()
        .map(error -> error.getAttribute("codeContext")).findFirst().orElse("");
  }

  @Test
  void documentEntryChildrenOutOfTheSchemasOrderAreRefused() {
    DmpResponse response = submit(text -> {
      int entry = text.indexOf("<ExtrinsicObject id=\"DocumentME2\"");
      int open = text.indexOf('>', entry) + 1;
      int name = text.indexOf("<Name>", open);
      int end = text.indexOf("</Description>", name) + "</Description>".length();
      return text.substring(0, open) + text.substring(name, end) + text.substring(open, name)
          + text.substring(end);
    });

    assertThat(response.fault()).isFalse();
    assertThat(registryErrors(response)).containsExactly("XDSRegistryMetadataError");
    assertThat(firstReason(response)).contains("schéma officiel")
        .contains("cvc-complex-type.2.4.a");
  }

  @Test
  void anEntryWithoutSourcePatientIdIsRefused() {
    DmpResponse response = submit(text -> removeSlot(text, "sourcePatientId"));

    assertThat(registryErrors(response)).containsExactly("XDSRegistryMetadataError");
    assertThat(firstReason(response)).contains("sourcePatientId");
  }

  @Test
  void anEntryWithoutLegalAuthenticatorIsRefused() {
    DmpResponse response = submit(text -> removeSlot(text, "legalAuthenticator"));

    assertThat(registryErrors(response)).containsExactly("XDSRegistryMetadataError");
    assertThat(firstReason(response)).contains("legalAuthenticator");
  }

  @Test
  void aFacilityTypeOutsideItsValueSetIsRefused() {
    DmpResponse response = submit(text -> text.replaceFirst(
        "nodeRepresentation=\"SA01\"", "nodeRepresentation=\"SA99\""));

    assertThat(registryErrors(response)).containsExactly("XDSRegistryMetadataError");
    assertThat(firstReason(response)).contains("JDV_J02");
  }

  @Test
  void aSecondAuthorWithAnUnknownProfessionIsRefused() {
    DmpResponse response = submit(text -> {
      int entry = text.indexOf("<ExtrinsicObject id=\"DocumentME2\"");
      int start = text.indexOf("<Classification classificationScheme=\"urn:uuid:93606bcf", entry);
      int end = text.indexOf("</Classification>", start) + "</Classification>".length();
      String second = text.substring(start, end).replace("id=\"cla4\"", "id=\"cla4b\"")
          .replace("G15_10/SM26", "G15_99");
      return text.substring(0, end) + second + text.substring(end);
    });

    assertThat(registryErrors(response)).containsExactly("XDSRegistryMetadataError");
    assertThat(firstReason(response)).contains("authorSpecialty");
  }

  @Test
  void unknownElementsInAnHl7BodyAreRefused() {
    DmpResponse response = send("TD0.2", DmpService.PATIENTS, text -> text.replace(
        "<queryByParameter>", "<inconnu/><queryByParameter>"));

    assertThat(response.faultSubcode()).contains("DMPInvalidMessage");
    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("schéma officiel").contains("PRPA_IN201307UV02.xsd"));
  }

  @Test
  void aWrongInteractionIdIsRefused() {
    DmpResponse response = send("TD0.2", DmpService.PATIENTS, text -> text.replace(
        "extension=\"PRPA_IN201307UV02\"", "extension=\"PRPA_IN201305UV02\""));

    assertThat(response.faultSubcode()).contains("DMPInvalidMessage");
    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("interactionId"));
  }

  @Test
  void anUnknownReasonCodeIsRefused() {
    DmpResponse response = send("TD0.2", DmpService.PATIENTS, text -> text.replace(
        "code=\"TEST_EXST\"", "code=\"XXX\""));

    assertThat(response.faultSubcode()).contains("DMPInvalidMessage");
    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("reasonCode"));
  }

  @Test
  void anActionNamingAnotherOperationIsRefused() {
    DmpResponse response = send("TD0.2", DmpService.PATIENTS, text -> text.replace(
        ">urn:hl7-org:v3:PRPA_IN201307UV02<", ">urn:hl7-org:v3:PRPA_IN201305UV02<"));

    assertThat(Xml.toString(response.body()))
        .contains("<soap:Value>wsa:ActionNotSupported</soap:Value>");
  }

  @Test
  void anUnquotedStoredQueryValueIsRefused() {
    dmp.send(OfficialExample.request("TD0.3", DmpService.HABILITATIONS, DmpFixture.NOW));
    DmpResponse response = send("TD3.1", DmpService.REGISTRY, text -> text.replace(
        "('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved')",
        "(urn:oasis:names:tc:ebxml-regrep:StatusType:Approved)"));

    assertThat(registryErrors(response)).containsExactly("XDSRegistryError");
    assertThat(firstReason(response)).contains("$XDSDocumentEntryStatus")
        .doesNotContain("StatusType:Approved");
  }

  @Test
  void anUnknownActivitySectorIsRefused() {
    DmpResponse response = send("TD0.2", DmpService.PATIENTS, text -> text.replace(
        ">SA07^1.2.250.1.71.4.2.4<", ">SA99^1.2.250.1.71.4.2.4<"));

    assertThat(response.faultSubcode()).contains("DMPVihfInvalid");
    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("Secteur_Activite"));
  }

  @Test
  void anUnknownProfessionIsRefused() {
    DmpResponse response = send("TD0.2", DmpService.PATIENTS, text -> text.replace(
        "code=\"10\" codeSystem=\"1.2.250.1.71.1.2.7\"",
        "code=\"99\" codeSystem=\"1.2.250.1.71.1.2.7\""));

    assertThat(response.faultSubcode()).contains("DMPVihfInvalid");
    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("profession"));
  }

  @Test
  void aPurposeOfUseInAnotherCodeSystemIsRefused() {
    DmpResponse response = send("TD0.2", DmpService.PATIENTS, text -> text.replace(
        "code=\"normal\" codeSystem=\"1.2.250.1.213.1.1.4.248\"",
        "code=\"normal\" codeSystem=\"1.2.250.1.213.1.1.4.2\""));

    assertThat(response.faultSubcode()).contains("DMPVihfInvalid");
    assertThat(response.faultReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("PurposeOfUse"));
  }

  @Test
  void aCdaWithoutTheMinimalStructureIsRefused() {
    DmpResponse response = submit(text -> text.replace(
        "<templateId root=\"1.2.250.1.213.1.1.1.1\"/>", ""));

    assertThat(registryErrors(response)).containsExactly("DMPInvalidDocument");
    assertThat(firstReason(response)).contains("templateId CI-SIS 1.2.250.1.213.1.1.1.1");
  }

  @Test
  void aCdaOutsideTheCdaSchemaIsRefused() {
    DmpResponse response = submit(text -> text.replace("<title>", "<inconnu/><title>"));

    assertThat(registryErrors(response)).containsExactly("DMPInvalidDocument");
    assertThat(firstReason(response)).contains("CDA_extended.xsd cvc-complex-type.2.4.a");
  }

  @Test
  void aClassCodeThatIsNotTheTypeCodesClassIsRefused() {
    DmpResponse response = submit(text -> text.replace(
        "id=\"cla5\" nodeRepresentation=\"10\"", "id=\"cla5\" nodeRepresentation=\"11\""));

    assertThat(registryErrors(response)).containsExactly("XDSRegistryMetadataError");
    assertThat(firstReason(response)).contains("classCode incohérent avec le typeCode")
        .contains("ASS_X04").contains("10 Compte rendu");
  }

  @Test
  void aTypeCodeOutsideTheAssociationTableIsRefused() {
    DmpResponse response = submit(text -> text.replace(
        "id=\"cla6\" nodeRepresentation=\"27899-4\"", "id=\"cla6\" nodeRepresentation=\"99999-9\""));

    assertThat(registryErrors(response)).containsExactly("XDSRegistryMetadataError");
    assertThat(firstReason(response)).contains("typeCode hors de la table ASS_X04");
  }

  @Test
  void aTypeCodeOtherThanTheCdaCodeIsRefused() {
    DmpResponse response = submit(text -> text.replace(
        "id=\"cla6\" nodeRepresentation=\"27899-4\"", "id=\"cla6\" nodeRepresentation=\"11488-4\""));

    assertThat(registryErrors(response)).containsExactly("XDSRegistryMetadataError");
    assertThat(firstReason(response)).contains("typeCode différent du code du document CDA");
  }

  @Test
  void aFormatCodeThatIsNotTheBodysIsRefused() {
    DmpResponse response = submit(text -> text.replace(
        "id=\"cla8\" nodeRepresentation=\"urn:ihe:iti:xds-sd:text:2008\"",
        "id=\"cla8\" nodeRepresentation=\"urn:ihe:iti:xds-sd:pdf:2008\""));

    assertThat(registryErrors(response)).containsExactly("XDSRegistryMetadataError");
    assertThat(firstReason(response)).contains("formatCode incohérent avec le corps du document CDA")
        .contains("urn:ihe:iti:xds-sd:text:2008");
  }

  /** {@code text} without the first slot named {@code name}. */
  private static String removeSlot(String text, String name) {
    int start = text.indexOf("<Slot name=\"" + name + "\">");
    int end = text.indexOf("</Slot>", start) + "</Slot>".length();
    return text.substring(0, start) + text.substring(end);
  }
}
