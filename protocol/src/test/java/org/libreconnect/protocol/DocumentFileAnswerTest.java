package org.libreconnect.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.command.DmpCommands.DocumentContentAnswer;
import org.libreconnect.protocol.command.DocumentFileAnswer;

class DocumentFileAnswerTest {
  @Test
  void theContentKeysAndTheFilePathTravelSideBySide() {
    String json = new WireJson().ok(new DocumentFileAnswer(
        new DocumentContentAnswer("QUJD", "PGNkYS8+", 5, null), "file:///home/u/.libreconnect/data/documents/1/d.pdf"));
    assertThat(json)
        .startsWith("{\"s_status\":\"OK\"")
        .contains("\"s_fileContentInBase64\":\"QUJD\"")
        .contains("\"s_cdaHeadersInBase64\":\"PGNkYS8+\"")
        .contains("\"i_documentFormat\":5")
        .contains("\"s_filePath\":\"file:///home/u/.libreconnect/data/documents/1/d.pdf\"")
        .doesNotContain("\"content\"");
  }
}
