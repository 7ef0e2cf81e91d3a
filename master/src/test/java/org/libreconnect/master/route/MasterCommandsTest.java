package org.libreconnect.master.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.config.AllowedOrigin;
import org.libreconnect.master.server.OriginPolicy;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.runtime.LogSetup;
import org.slf4j.LoggerFactory;

/** getLogsTail reads the log files on the file-read executor, never on the thread that serves the command. */
class MasterCommandsTest {
  private static final String APP = "https://app.example.org";

  @TempDir Path logDirectory;
  private final WireJson json = new WireJson();

  @AfterEach
  void restoreLogging() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void theLogTailIsReadOffTheServingThread() throws Exception {
    LogSetup logs = LogSetup.configure(logDirectory, "master", false);
    LoggerFactory.getLogger("org.libreconnect.master.test").info("tail.marker line=1");
    Deque<Runnable> reads = new ArrayDeque<>();
    MasterCommands commands = commands(logs, reads);

    CompletableFuture<String> answer = commands.serve(spec(), json.parseCommand(
        "{\"s_commandName\":\"getLogsTail\",\"i_getDmpConnectLog\":0,\"i_serverLogNbLastLines\":5}"), APP);

    assertThat(answer).as("not read on the serving thread").isNotDone();
    assertThat(reads).hasSize(1);
    reads.poll().run();
    assertThat(answer).isDone();
    String base64 = json.mapper().readTree(answer.join()).get("s_serverLogBase64").asText();
    assertThat(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)).contains("tail.marker line=1");
  }

  @Test
  void aNegativeCountIsRefusedBeforeAnythingIsRead() {
    LogSetup logs = LogSetup.configure(logDirectory, "master", false);
    Deque<Runnable> reads = new ArrayDeque<>();
    MasterCommands commands = commands(logs, reads);

    assertThatThrownBy(() -> commands.serve(spec(), json.parseCommand(
        "{\"s_commandName\":\"getLogsTail\",\"i_serverLogNbLastLines\":-1}"), APP))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(reads).isEmpty();
  }

  private static MasterCommands commands(LogSetup logs, Deque<Runnable> reads) {
    List<AllowedOrigin> origins = List.of(AllowedOrigin.parse(APP));
    return new MasterCommands(new WireJson(), null, null, logs, new OriginPolicy(origins, origins), reads::add);
  }

  private static org.libreconnect.protocol.command.CommandSpec spec() {
    return CommandCatalogue.standard().find("getLogsTail").orElseThrow();
  }
}
