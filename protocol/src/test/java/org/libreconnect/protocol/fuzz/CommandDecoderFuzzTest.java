package org.libreconnect.protocol.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.libreconnect.protocol.CommandEnvelope;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.command.CommandSpec;
import org.libreconnect.protocol.error.ConnectorException;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.protocol.error.ErrorMapper;

/**
 * Fuzzes what the master does with every client frame: {@link WireJson#parseCommand}, the
 * catalogue look-up and, for a known command, {@link WireJson#readInput} into its typed record.
 *
 * <p>Property: any frame gives a typed command or a {@link ConnectorException} (the project's
 * typed error), never another exception and never a hang; and neither the error's description nor
 * its extended information quotes the frame. To check the last point, every {@value #PLACEHOLDER}
 * in the input becomes the distinctive {@value #CANARY} before decoding: the canary must not come
 * back in any error text.
 *
 * <p>Seeds: {@code src/test/resources/org/libreconnect/protocol/fuzz/CommandDecoderFuzzTestInputs/}.
 * How to fuzz longer: docs/security.md, "Fuzzing".
 */
class CommandDecoderFuzzTest {

  private static final long HANG_SECONDS = 10;
  private static final ExecutorService WATCHDOG =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "fuzz-input");
            thread.setDaemon(true);
            return thread;
          });

  static final String PLACEHOLDER = "@@";
  static final String CANARY = "Qz7pinCanary0x5EED";

  private static final WireJson JSON = new WireJson();
  private static final CommandCatalogue CATALOGUE = CommandCatalogue.standard();
  private static final ErrorMapper ERRORS = new ErrorMapper();

  @FuzzTest(maxDuration = "3s")
  @DictionaryEntries({
    "@@", "{\"s_commandName\":\"", "\"s_sessionId\":", "\"s_pinCode\":\"@@\"", "\"i_", "\"s_",
    "hl_openSession", "hl_setSessionData", "hl_readCpxCard", "hl_createDmpConnector", "null",
    "true", "[]", "{}", "\\u0000", "1e999", "-0", "\"\\ud800\""
  })
  void anyFrameGivesATypedCommandOrATypedError(byte[] input) throws Exception {
    // A @Timeout would also cut the fuzzing run itself; the watchdog bounds each input instead.
    Future<?> run = WATCHDOG.submit(() -> check(input));
    try {
      run.get(HANG_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("one input ran longer than " + HANG_SECONDS + " s: a hang");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (Exception) e.getCause();
    }
  }

  private static void check(byte[] input) {
    String frame = new String(input, StandardCharsets.UTF_8).replace(PLACEHOLDER, CANARY);
    try {
      CommandEnvelope envelope = JSON.parseCommand(frame);
      if (envelope.commandName() == null || envelope.commandName().isEmpty()) {
        throw new AssertionError("a command was decoded without a name");
      }
      Optional<CommandSpec> spec = CATALOGUE.find(envelope.commandName());
      if (spec.isPresent()) {
        Record command = JSON.readInput(envelope.body(), spec.get().inputType());
        if (command == null) {
          throw new AssertionError("a known command was bound to null");
        }
      }
    } catch (ConnectorException e) {
      requireNoCanary(ERRORS.toAnswer(e, null), e);
    }
  }

  private static void requireNoCanary(ErrorAnswer answer, ConnectorException e) {
    String texts =
        answer.errorDescription() + " " + answer.apiErrorExtendedInformations() + " "
            + answer.apiErrorContext() + " " + e.getMessage() + " " + e.extendedInformation();
    if (texts.contains(CANARY)) {
      throw new AssertionError(
          e.getClass().getSimpleName() + " quotes the client's frame in its error text");
    }
  }
}
