package org.libreconnect.config.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.libreconnect.config.ConfigException;
import org.libreconnect.config.ConfigLoader;
import org.libreconnect.config.ConnectorConfig;

/**
 * Fuzzes {@link ConfigLoader#parse}, the reading of the XML configuration file: secure XML
 * parsing, then binding and validation into the record tree.
 *
 * <p>Property: any bytes give a {@link ConnectorConfig} or a {@link ConfigException} (the
 * project's typed error), never another exception and never a hang; and a secret never comes back
 * in an error. Error messages name the element and show its value by design (docs/configuration.md,
 * "Errors"), except for passwords: every {@value #PLACEHOLDER} in the input becomes a proxy
 * password element holding the distinctive {@value #CANARY}, which must not appear in any message.
 *
 * <p>Seeds: {@code src/test/resources/org/libreconnect/config/fuzz/ConfigParserFuzzTestInputs/}.
 * How to fuzz longer: docs/security.md, "Fuzzing".
 */
class ConfigParserFuzzTest {

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
  void anyFileGivesAConfigurationOrAConfigException(byte[] input) {
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
      for (Throwable t = e; canaryOnlyInPasswords && t != null; t = t.getCause()) {
        if (String.valueOf(t.getMessage()).contains(CANARY)) {
          throw new AssertionError(
              "a password shows in the message of " + t.getClass().getSimpleName());
        }
      }
    }
  }
}
