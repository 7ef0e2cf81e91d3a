package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DMP record commands through the worker's command path, those that make no DMP call. */
class DmpRecordHandlersTest {
  static final String INS = "279035121518989";

  @BeforeAll
  static void pki() {
    DmpHandlersTest.tls = new TlsFixture();
  }

  private static DmpHandlersTest.Setup connected(Path dir) throws Exception {
    DmpHandlersTest.Setup setup = new DmpHandlersTest.Setup(dir, Optional.empty());
    setup.worker.openSession("s1", "app");
    ObjectNode created = setup.worker.call("s1", "{\"s_commandName\":\"hl_createDmpConnector\",\"s_pinCode\":\""
        + DmpHandlersTest.PIN + "\",\"s_dmpUrl\":\"formation1\",\"i_transactionsTimeout\":\"30\","
        + "\"s_practiceSetting\":\"AMBULATOIRE\",\"i_cpsPracticeLocationIndice\":0}");
    assertThat(created.path("s_status").asText()).isEqualTo("OK");
    return setup;
  }

  @Test
  void theRecordCommandsNeedAConnector(@TempDir Path dir) throws Exception {
    DmpHandlersTest.Setup setup = new DmpHandlersTest.Setup(dir, Optional.empty());
    setup.worker.openSession("s1", "app");
    ObjectNode early = setup.worker.call("s1", "{\"s_commandName\":\"hl_getMajorityAge\"}");
    assertThat(early.path("s_status").asText()).isEqualTo("ERROR");
    assertThat(early.path("s_apiErrorDescription").asText()).contains("hl_createDmpConnector");
  }

  @Test
  void settingsAndParameters(@TempDir Path dir) throws Exception {
    DmpHandlersTest.Setup setup = connected(dir);
    assertThat(setup.worker.call("s1", "{\"s_commandName\":\"hl_getMajorityAge\"}").path("i_majorityAge").asInt())
        .isEqualTo(18);

    assertThat(setup.worker.call("s1", "{\"s_commandName\":\"hl_setWebPsRootUrl\",\"s_url\":\"https://webps.example.org/\"}")
        .path("s_status").asText()).isEqualTo("OK");
    ObjectNode urls = setup.worker.call("s1", "{\"s_commandName\":\"hl_getWebPsDmpUrls\",\"s_ins\":\"" + INS + "\"}");
    assertThat(urls.path("Urls").get(0).asText()).isEqualTo("https://webps.example.org/AccesDirect/TableauDeBord/" + INS);
    ObjectNode parameters = setup.worker.call("s1", "{\"s_commandName\":\"hl_getDmpParameters\"}");
    assertThat(parameters.path("s_webPsRootUrl").asText()).isEqualTo("https://webps.example.org/");
    assertThat(parameters.path("s_practiceSetting").asText()).isEqualTo("AMBULATOIRE");
    assertThat(parameters.path("i_accessMode").asInt()).isEqualTo(1);

    ObjectNode wrong = setup.worker.call("s1", "{\"s_commandName\":\"hl_setWebPsRootUrl\",\"s_url\":\"javascript:alert(1)\"}");
    assertThat(wrong.path("s_status").asText()).isNotEqualTo("OK");
    assertThat(wrong.toString()).doesNotContain("alert");
    assertThat(setup.worker.call("s1", "{\"s_commandName\":\"hl_setWebPsRootUrl\",\"s_url\":\"\"}")
        .path("s_status").asText()).isEqualTo("OK");
    assertThat(setup.worker.call("s1", "{\"s_commandName\":\"hl_getWebPsDmpUrls\",\"s_ins\":\"" + INS + "\"}")
        .path("Urls").get(0).asText()).doesNotContain("webps.example.org");
  }

  @Test
  void closedServicesAnswerAFunctionalErrorWithoutACall(@TempDir Path dir) throws Exception {
    DmpHandlersTest.Setup setup = connected(dir);
    ObjectNode certified = setup.worker.call("s1", "{\"s_commandName\":\"hl_getCertifiedIdentity\",\"s_nirOD\":\"1530789876585\","
        + "\"s_birthDate\":\"19530712\",\"i_birthRank\":1,\"s_nirIndividu\":\"1530789876585\"}");
    assertThat(certified.path("s_status").asText()).isNotEqualTo("OK");
    assertThat(certified.path("s_apiErrorDescription").asText()).contains("DMPServiceClosed").contains("30/09/2023");
    ObjectNode insC = setup.worker.call("s1", "{\"s_commandName\":\"hl_getInsNirFromInsC\",\"s_insC\":\"2070585756270970000012\"}");
    assertThat(insC.path("s_apiErrorDescription").asText()).contains("DMPServiceClosed");
    ObjectNode badInsC = setup.worker.call("s1", "{\"s_commandName\":\"hl_getInsNirFromInsC\",\"s_insC\":\"12\"}");
    assertThat(badInsC.path("s_apiErrorDescription").asText()).contains("s_insC");
    assertThat(setup.transport.requests).isEmpty();
  }

  @Test
  void theAcknowledgementPdfIsARealPdfAndCheckedInputsAreRefused(@TempDir Path dir) throws Exception {
    DmpHandlersTest.Setup setup = connected(dir);
    ObjectNode pdf = setup.worker.call("s1", "{\"s_commandName\":\"hl_createAcknowledgementPdf\",\"s_ins\":\"" + INS
        + "\",\"i_returnAsFile\":0,\"CivilStatus\":{\"i_gender\":3,\"s_name\":\"MARTIN-ESSAI\",\"s_given\":\"ALICE\"}}");
    assertThat(pdf.path("s_status").asText()).as(pdf.toString()).isEqualTo("OK");
    try (PDDocument document = Loader.loadPDF(Base64.getDecoder().decode(pdf.path("s_pdfFileContentInBase64").asText()))) {
      assertThat(new PDFTextStripper().getText(document)).contains("Mme ALICE MARTIN-ESSAI");
    }
    ObjectNode noName = setup.worker.call("s1", "{\"s_commandName\":\"hl_createAcknowledgementPdf\",\"s_ins\":\"" + INS + "\"}");
    assertThat(noName.path("s_status").asText()).isNotEqualTo("OK");
    ObjectNode noReason = setup.worker.call("s1", "{\"s_commandName\":\"hl_closeDmp\",\"s_ins\":\"" + INS + "\"}");
    assertThat(noReason.path("s_apiErrorDescription").asText()).contains("s_reason");
    ObjectNode channel = setup.worker.call("s1", "{\"s_commandName\":\"hl_getOtpChannelValue\",\"s_ins\":\"" + INS
        + "\",\"i_otpChannelType\":3}");
    assertThat(channel.path("s_apiErrorDescription").asText()).contains("i_otpChannelType");
    assertThat(setup.transport.requests).isEmpty();
  }
}
