package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.testsupport.Js2Client;

/**
 * A document printed with {@code lp} to a real CUPS queue that uses the connector's backend
 * reaches the application on its monitoring socket, then through the printer commands.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class VirtualPrinterIT {
  @TempDir Path home;
  @TempDir Path cupsDir;

  @Test
  void aDocumentPrintedThroughCupsArrivesOnTheMonitoringSocket() throws Exception {
    try (ConnectorFixture fixture = new ConnectorFixture(home, 1);
        PrivateCups cups = PrivateCups.start(cupsDir)) {
      String session = fixture.openSession("printing-app");
      Path spool = new InstallationLayout(home).dataDir().resolve("printer");
      assertThat(spool).isDirectory();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool))).isEqualTo("rwx------");
      cups.addQueue("LibreConnect", spool);

      byte[] pdf = "%PDF-1.4\n% LibreConnect virtual printer test\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
      Path document = cupsDir.resolve("ordonnance.pdf");
      Files.write(document, pdf);

      try (Js2Client.Connection socket = fixture.client.connect(ConnectorFixture.APP_ORIGIN)) {
        socket.send("{\"s_commandName\":\"hl_startPrintedDocumentsMonitoring\",\"s_sessionId\":\"" + session + "\"}");
        assertThat(socket.next()).isEqualTo("{\"s_status\":\"OK\"}");
        cups.print("LibreConnect", document, "Ordonnance Paul");
        String frame = socket.poll(Duration.ofSeconds(30));
        assertThat(frame).as("no document on the monitoring socket; CUPS log:\n%s", cups.errorLog()).isNotNull();
        JsonNode event = fixture.client.mapper().readTree(frame);
        assertThat(event.path("s_status").asText()).isEqualTo("OK");
        JsonNode printed = event.path("VirtualPrinterDocuments").path(0);
        assertThat(printed.path("s_fileName").asText()).isEqualTo("Ordonnance Paul");
        assertThat(printed.path("i_fileSize").asInt()).isEqualTo(pdf.length);
        assertThat(Base64.getDecoder().decode(printed.path("s_contentInBase64").asText())).isEqualTo(pdf);
        assertThat(printed.path("s_id").asText()).isNotBlank();
      }
      try (var files = Files.list(spool)) {
        assertThat(files).as("the worker takes the job files in").isEmpty();
      }

      String count = "{\"s_commandName\":\"hl_getPrintedDocumentsCount\",\"s_sessionId\":\"" + session + "\"}";
      assertThat(fixture.call(count).path("i_count").asInt()).isEqualTo(1);
      JsonNode next = fixture.call("{\"s_commandName\":\"hl_getNextPrintedDocument\",\"s_sessionId\":\"" + session + "\"}");
      assertThat(next.path("PrintedDocument").path("s_fileName").asText()).isEqualTo("Ordonnance Paul");
      assertThat(next.path("i_remainingDocumentCount").asInt()).isZero();
      JsonNode none = fixture.call("{\"s_commandName\":\"hl_getNextPrintedDocument\",\"s_sessionId\":\"" + session + "\"}");
      assertThat(none.has("PrintedDocument")).isFalse();

      cups.print("LibreConnect", document, "Second");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (fixture.call(count).path("i_count").asInt() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      JsonNode all = fixture.call("{\"s_commandName\":\"hl_getPrintedDocuments\",\"s_sessionId\":\"" + session + "\"}");
      assertThat(all.path("VirtualPrinterDocuments")).hasSize(1);
      String id = all.path("VirtualPrinterDocuments").path(0).path("s_id").asText();
      assertThat(fixture.call("{\"s_commandName\":\"hl_flushPrintedDocuments\",\"s_sessionId\":\"" + session
          + "\",\"s_documentIds\":[\"" + id + "\"]}").path("s_status").asText()).isEqualTo("OK");
      assertThat(fixture.call(count).path("i_count").asInt()).isZero();
    }
  }
}
