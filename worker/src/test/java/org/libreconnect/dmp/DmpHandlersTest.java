package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.worker.dmp.DmpConnectorFactory;
import org.libreconnect.worker.dmp.DmpHandlers;
import org.libreconnect.config.Ntp;
import org.libreconnect.config.Proxy;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.worker.WorkerHarness;
import org.libreconnect.dmp.time.NtpClocks;

class DmpHandlersTest {
  static final String PIN = "97531864";
  static TlsFixture tls;

  @BeforeAll
  static void pki() {
    tls = new TlsFixture();
  }

  static final class Setup {
    final FakeDmpTransport transport = new FakeDmpTransport();
    final AtomicReference<String> pinSeen = new AtomicReference<>();
    final WorkerHarness worker;

    Setup(Path dir, Optional<Path> dump) {
      DmpSettings settings = new DmpSettings(Proxy.none(), Ntp.defaults(), dump, urls -> {
        try {
          return tls.dmpRoots();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, Optional::empty, "DMP-TEST-0042");
      DmpConnectorFactory factory = new DmpConnectorFactory((session, pin) -> {
        pinSeen.set(new String(pin));
        return SoftwareCredentials.of(tls.card, tls.doctor);
      }, settings, new NtpClocks(Clock.systemUTC()), (context, proxy, timeout) -> transport);
      worker = new WorkerHarness(dir, table -> new DmpHandlers(factory).register(table), Duration.ofMillis(50),
          CommandCatalogue.standard());
    }
  }

  @Test
  void commandsNeedAConnectorThenRunThroughIt(@TempDir Path dir) throws Exception {
    Setup setup = new Setup(dir, Optional.empty());
    setup.worker.openSession("s1", "app");
    ObjectNode early = setup.worker.call("s1", "{\"s_commandName\":\"hl_getDirectAuthenticationDMPStatus\",\"s_ins\":\"279035121518989\"}");
    assertThat(early.path("s_status").asText()).isEqualTo("ERROR");
    assertThat(early.path("s_apiErrorDescription").asText()).contains("hl_createDmpConnector");

    ObjectNode created = setup.worker.call("s1", "{\"s_commandName\":\"hl_createDmpConnector\",\"s_pinCode\":\"" + PIN
        + "\",\"s_dmpUrl\":\"formation1\",\"i_transactionsTimeout\":\"30\",\"s_practiceSetting\":\"AMBULATOIRE\",\"i_cpsPracticeLocationIndice\":1}");
    assertThat(created.path("s_status").asText()).isEqualTo("OK");
    assertThat(created.path("s_instanceUniqueId").asText()).startsWith("2.25.");
    assertThat(setup.pinSeen.get()).isEqualTo(PIN);

    setup.transport.answer(DmpTransactionsTest.EXISTS);
    ObjectNode status = setup.worker.call("s1", "{\"s_commandName\":\"hl_getDirectAuthenticationDMPStatus\",\"Ins\":{\"s_ins\":\"279035121518989\",\"s_insType\":\"T\"}}");
    assertThat(status.path("s_status").asText()).isEqualTo("OK");
    assertThat(status.path("ExistingTestAnswer").path("i_dmpStatus").asInt()).isEqualTo(1);
    assertThat(setup.transport.lastBody()).contains(">499900063480002<") // practice location 1
        .contains(">DMP-TEST-0042<"); // dmpconnect/homologation_number in the VIHF

    ObjectNode mode = setup.worker.call("s1", "{\"s_commandName\":\"hl_setDmpAccessMode\",\"i_accessMode\":2,\"s_reason\":\"urgence\"}");
    assertThat(mode.path("s_status").asText()).isEqualTo("OK");
    ObjectNode urls = setup.worker.call("s1", "{\"s_commandName\":\"hl_getWebPsDmpUrls\",\"s_ins\":\"279035121518989\"}");
    assertThat(urls.path("Urls")).hasSize(8);
    ObjectNode badIns = setup.worker.call("s1", "{\"s_commandName\":\"hl_getDmpAdministrativeData\",\"s_ins\":\"12\"}");
    assertThat(badIns.path("s_apiErrorDescription").asText()).isEqualTo("Invalid parameter s_ins: must be an INS of 15 characters (NIR and key)");
    setup.worker.close();
  }

  @Test
  void transactionDumpHoldsRequestAndAnswerButNeverThePin(@TempDir Path dir) throws Exception {
    Path dump = dir.resolve("dump");
    Setup setup = new Setup(dir, Optional.of(dump));
    setup.worker.openSession("s1", "app");
    setup.worker.call("s1", "{\"s_commandName\":\"hl_createDmpConnector\",\"s_pinCode\":\"" + PIN + "\",\"s_dmpUrl\":\"formation1\"}");
    setup.transport.answer(DmpTransactionsTest.EXISTS);
    setup.worker.call("s1", "{\"s_commandName\":\"hl_getDirectAuthenticationDMPStatus\",\"s_ins\":\"279035121518989\"}");
    assertThat(TransactionDump.flush(Duration.ofSeconds(10))).as("dump written").isTrue();
    List<Path> files;
    try (Stream<Path> list = Files.list(dump)) {
      files = list.sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .anyMatch(n -> n.endsWith("TD0.2-request.xml")).anyMatch(n -> n.endsWith("TD0.2-response.xml"))
        .noneMatch(n -> n.endsWith(".tmp"));
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(text).doesNotContain(PIN).doesNotContain("s_pinCode");
    }
    String request = Files.readString(files.stream().filter(p -> p.toString().endsWith("request.xml")).findFirst().orElseThrow());
    assertThat(request).contains("PRPA_IN201307UV02").contains("saml2:Assertion").contains("/patients");
    String response = Files.readString(files.stream().filter(p -> p.toString().endsWith("response.xml")).findFirst().orElseThrow());
    assertThat(response).contains("PRPA_IN201308UV02");
    setup.worker.close();
  }
}
