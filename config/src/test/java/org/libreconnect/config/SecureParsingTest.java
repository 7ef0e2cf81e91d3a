package org.libreconnect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureParsingTest {

  private static final String SECRET = "TOP-SECRET-4f2a9c";

  @TempDir Path directory;
  private Path secretFile;

  @BeforeEach
  void writeSecret() throws IOException {
    secretFile = directory.resolve("secret.txt");
    Files.writeString(secretFile, SECRET);
  }

  @Test
  void refusesAnExternalEntityAndNeverShowsTheFile() throws IOException {
    Path file = directory.resolve("xxe.xml");
    Files.writeString(
        file,
        """
        <?xml version="1.0"?>
        <!DOCTYPE libreconnect [ <!ENTITY xxe SYSTEM "%s"> ]>
        <libreconnect><proxy><server>p</server><port>1</port><login>&xxe;</login></proxy></libreconnect>
        """
            .formatted(secretFile.toUri()));

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

    assertThat(e)
        .hasMessageStartingWith(file + ": invalid XML at line 2")
        .hasMessageContaining("DOCTYPE");
    assertThat(fullTrace(e)).doesNotContain(SECRET);
  }

  @Test
  void fetchesNothingOverTheNetwork() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "<!ENTITY leak \"fetched\">".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      String external = "<!DOCTYPE libreconnect SYSTEM \"" + base + "/evil.dtd\"><libreconnect/>";
      String parameter =
          "<!DOCTYPE libreconnect [ <!ENTITY % p SYSTEM \"" + base + "/p.dtd\"> %p; ]>"
              + "<libreconnect/>";
      String entity =
          "<!DOCTYPE libreconnect [ <!ENTITY e SYSTEM \"" + base + "/e\"> ]>"
              + "<libreconnect>&e;</libreconnect>";

      for (String xml : new String[] {external, parameter, entity}) {
        assertThatThrownBy(() -> parse(xml))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("DOCTYPE");
      }
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void refusesInternalEntityExpansion() {
    String laughs =
        """
        <!DOCTYPE libreconnect [
          <!ENTITY a "lol">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
        ]>
        <libreconnect><proxy><login>&d;</login></proxy></libreconnect>
        """;

    assertThatThrownBy(() -> parse(laughs))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("test.xml: invalid XML at line 1")
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void doesNotProcessXInclude() {
    String withInclude =
        """
        <libreconnect xmlns:xi="http://www.w3.org/2001/XInclude">
          <proxy>
            <server>p</server><port>1</port>
            <login><xi:include href="%s" parse="text"/></login>
          </proxy>
        </libreconnect>
        """
            .formatted(secretFile.toUri());

    // Not processed: the include stays an element, which a value may not hold.
    assertThatThrownBy(() -> parse(withInclude))
        .isInstanceOf(ConfigException.class)
        .hasMessage("proxy/login: holds elements where a value is expected")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void theEditorRefusesADoctypeToo() throws IOException {
    Path file = directory.resolve("xxe.xml");
    String xml =
        "<!DOCTYPE libreconnect [ <!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\"> ]>"
            + "<libreconnect><proxy><login>&xxe;</login></proxy></libreconnect>";
    Files.writeString(file, xml);

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigDocument.open(file));

    assertThat(e).hasMessageContaining("DOCTYPE");
    assertThat(fullTrace(e)).doesNotContain(SECRET);
    assertThat(Files.readString(file)).isEqualTo(xml);
  }

  @Test
  void refusesAbsurdNesting() {
    int depth = SecureXml.MAX_DEPTH + 10;
    String xml = "<x>".repeat(depth) + "</x>".repeat(depth);

    assertThatThrownBy(() -> parse(xml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("test.xml: invalid XML at line 1");
  }

  private static ConnectorConfig parse(String xml) {
    return ConfigLoader.parse(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
  }

  private static String fullTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
