package org.libreconnect.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.libreconnect.protocol.command.LogCommands.LogsTailInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.worker.WorkerHarness;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogTailHandlerTest {
  @TempDir Path dir;
  private WorkerHarness worker;

  @BeforeEach
  void start() throws Exception {
    worker = new WorkerHarness(dir);
    worker.openSession("s-1", "app");
    Files.writeString(worker.logs.serviceLog(), "s1\ns2\ns3\ns4\n");
    Files.writeString(worker.logs.connectorLog(), "c1\nc2\nc3\n");
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void bothLogsByDefaultWithTheRequestedLineCounts() throws Exception {
    ObjectNode answer =
        worker.call(
            "s-1",
            "{\"s_commandName\":\"hl_getSessionLogsTail\",\"i_serverLogNbLastLines\":\"2\","
                + "\"i_dmpConnectLogNbLastLines\":1}");

    assertThat(decode(answer, "s_serverLogBase64")).isEqualTo("s3\ns4");
    assertThat(decode(answer, "s_dmpConnectLogBase64")).isEqualTo("c3");
  }

  @Test
  void onlyTheRequestedLogIsSent() throws Exception {
    ObjectNode answer =
        worker.call("s-1", "{\"s_commandName\":\"hl_getSessionLogsTail\",\"i_getServerLog\":0}");

    assertThat(answer.has("s_serverLogBase64")).isFalse();
    assertThat(decode(answer, "s_dmpConnectLogBase64")).isEqualTo("c1\nc2\nc3");
  }

  @Test
  void negativeLineCountsAreInvalidParameters() throws Exception {
    ObjectNode answer =
        worker.call(
            "s-1",
            "{\"s_commandName\":\"hl_getSessionLogsTail\",\"i_dmpConnectLogNbLastLines\":-1}");

    assertThat(answer.get("s_apiErrorDescription").asText())
        .isEqualTo("Invalid parameter i_dmpConnectLogNbLastLines: must not be negative");
  }

  @Test
  void lineCountsAreCappedAtTenThousand() throws Exception {
    String lines =
        IntStream.rangeClosed(1, 10_005)
            .mapToObj(i -> "line " + i)
            .collect(Collectors.joining("\n"));
    Files.writeString(worker.logs.serviceLog(), lines + "\n");

    ObjectNode answer =
        worker.call(
            "s-1",
            "{\"s_commandName\":\"hl_getSessionLogsTail\",\"i_getDmpConnectLog\":0,"
                + "\"i_serverLogNbLastLines\":99999}");

    String tail = decode(answer, "s_serverLogBase64");
    assertThat(tail.split("\n")).hasSize(LogsTailInput.MAX_LINES);
    assertThat(tail).startsWith("line 6\n").endsWith("line 10005");
  }

  private static String decode(ObjectNode answer, String key) {
    assertThat(answer.get("s_status").asText()).as(answer.toString()).isEqualTo("OK");
    return new String(Base64.getDecoder().decode(answer.get(key).asText()), StandardCharsets.UTF_8);
  }
}
