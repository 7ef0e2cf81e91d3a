package org.libreconnect.config.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.libreconnect.config.ConfigException;
import org.libreconnect.config.ConfigLoader;
import org.libreconnect.config.ConnectorConfig;
import org.xml.sax.SAXException;

/**
 * Fuzzes {@link ConfigLoader#parse}, the reading of the XML configuration file: secure XML
 * parsing, then binding and validation into the record tree.
 *
 * <p>Property: any bytes give a {@link ConnectorConfig} or a {@link ConfigException} (the
 * project's typed error), never another exception and never a hang; and a secret never comes back
 * in an error. Error messages name the element and show its value by design (docs/configuration.md,
 * "Errors"), except for passwords: every {@value #PLACEHOLDER} in the input becomes a proxy
 * password element holding the distinctive {@value #CANARY}, which must not appear in any message
 * raised once the XML is parsed (the parser's syntax errors quote names and the XML declaration,
 * never the text of an element).
 *
 * <p>Seeds: {@code src/test/resources/org/libreconnect/config/fuzz/ConfigParserFuzzTestInputs/}.
 * How to fuzz longer: docs/security.md, "Fuzzing".
 */
class ConfigParserFuzzTest {

  private static final long HANG_SECONDS = 10;
  private static final ExecutorService WATCHDOG =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "fuzz-input");
            thread.setDaemon(true);
            return thread;
          });

  static final String PLACEHOLDER = "@@";
  static final String CANARY = "Qz7proxyCanary0x5EED";
  private static final String SECRET_ELEMENT = "<password>" + CANARY + "</password>";

  @FuzzTest(maxDuration = "3s")
  @DictionaryEntries({
    "@@", "<libreconnect>", "</libreconnect>", "<server>", "</server>", "<proxy>", "</proxy>",
    "<port>", "</port>", "<login>", "<password>", "</password>", "<allowed_origins>", "<origin>",
    "https://*.example.com", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>",
    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "&#0;", "&#x10FFFF;",
    "encoding=\"UTF-16\"", "<dmpconnect>", "<transactionDumpDirectory>", "<pkcs11>", "<library>"
  })
  void anyFileGivesAConfigurationOrAConfigException(byte[] input) throws Exception {
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
    String text = new String(input, StandardCharsets.ISO_8859_1);
    // The fuzzer learns the canary from the checks below and may write it anywhere, as an element
    // name for instance, where showing it is no leak: check secrets only when the canary can
    // come from a password element alone.
    boolean canaryOnlyInPasswords = !text.contains(CANARY);
    byte[] file =
        text.contains(PLACEHOLDER)
            ? text.replace(PLACEHOLDER, SECRET_ELEMENT).getBytes(StandardCharsets.ISO_8859_1)
            : input;
    try {
      ConnectorConfig config = ConfigLoader.parse(new ByteArrayInputStream(file), "fuzz.xml");
      if (config == null || config.server() == null) {
        throw new AssertionError("a configuration was read without its server section");
      }
      if (canaryOnlyInPasswords && config.proxy().toString().contains(CANARY)) {
        throw new AssertionError("the proxy password shows in toString()");
      }
    } catch (ConfigException e) {
      // The XML parser's own messages quote names and the XML declaration, where a placeholder
      // may land; no element has been read as a value yet, so no password can show there.
      boolean afterParsing = !(e.getCause() instanceof SAXException);
      for (Throwable t = e; canaryOnlyInPasswords && afterParsing && t != null; t = t.getCause()) {
        if (String.valueOf(t.getMessage()).contains(CANARY)) {
          throw new AssertionError(
              "a password shows in the message of " + t.getClass().getSimpleName());
        }
      }
    }
  }
}
