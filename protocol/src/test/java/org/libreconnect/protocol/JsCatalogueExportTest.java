package org.libreconnect.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.command.CatalogueExport;
import org.libreconnect.protocol.command.CommandCatalogue;

/**
 * The JavaScript client's tests compare its command table and declarations with {@code
 * clients/js/test/java-catalogue.json}; this test keeps that file equal to the catalogue. Run with
 * {@code -Dcatalogue.update=true} to rewrite it after changing the catalogue.
 */
class JsCatalogueExportTest {
  private static final Path EXPORT = Path.of("..", "clients", "js", "test", "java-catalogue.json");

  @Test
  void theJsClientsCopyOfTheCatalogueIsCurrent() throws IOException {
    String expected = CatalogueExport.json(CommandCatalogue.standard());
    if (Boolean.getBoolean("catalogue.update")) {
      Files.writeString(EXPORT, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(EXPORT, StandardCharsets.UTF_8))
        .as(
            "%s is stale: regenerate it with ./mvnw -pl protocol test -Dtest=JsCatalogueExportTest"
                + " -Dcatalogue.update=true, then give the JS client (clients/js/src/commands.js,"
                + " types/index.d.ts, README.md) the commands its tests report",
            EXPORT)
        .isEqualTo(expected);
  }

  @Test
  void exportListsEveryCommandWithItsInputKeys() {
    String json = CatalogueExport.json(CommandCatalogue.standard());
    assertThat(json)
        .contains(
            "{\"command\": \"hl_openSession\", \"session\": false, \"persistent\": false,")
        .contains("\"command\": \"hl_startCpxCardMonitoring\", \"session\": true,"
            + " \"persistent\": true, \"inputKeys\": [\"i_checkingInterval\"]}")
        .contains("{\"command\": \"hl_getSessionState\", \"session\": true, \"persistent\": false,"
            + " \"inputKeys\": []}");
  }
}
