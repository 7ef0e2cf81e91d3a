package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.ConnectorTrust;

/**
 * The bundle's readers.txt from a running master against the real card stack: pcscd, a vpcd
 * reader and the simulated CPS card in it, read through javax.smartcardio.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class SupportReadersIT {
  @TempDir Path home;

  @Test
  void bundleListsTheReaderAndTheCardsAtr() throws Exception {
    try (VirtualCardStack cards = VirtualCardStack.start()) {
      cards.insertFreshCard();
      try (ConnectorProcess connector = ConnectorProcess.start(home, ConnectorProcess.config(0, ConnectorFixture.APP_ORIGIN))) {
        HttpClient http = HttpClient.newBuilder().sslContext(ConnectorTrust.sslContext(connector.caCertificate())).build();
        String own = "https://127.0.0.1:" + connector.port();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(own + "/diagnostics.zip"))
            .header("Origin", own).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        String readers = entry(response.body(), "readers.txt");
        assertThat(readers).as(readers).containsPattern(
            java.util.regex.Pattern.quote(cards.readerName) + ".*: card present, ATR 3B[0-9A-F]+");
      }
    }
  }

  private static String entry(byte[] zip, String name) throws Exception {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (entry.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no " + name);
  }
}
