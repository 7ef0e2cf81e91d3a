package org.libreconnect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.runtime.AtomicFiles;

class ConfigDocumentTest {

  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  /** A file with everything a person might add by hand, written as the writer writes it. */
  private static final String HAND_EDITED =
      DECLARATION
          + """
          <!-- Connector settings for the front desk -->
          <?editor version="2"?>
          <libreconnect site="front-desk">
            <server>
              <!-- the usual port -->
              <port>9982</port>
              <allowed_origins>
                <origin>https://*.example.com</origin>
                <origin>http://localhost:3000</origin>
              </allowed_origins>
              <future_option mode="fast">on</future_option>
            </server>
            <vendor_extension><a b="&lt;&amp;&quot;">x &amp; y &lt; z</a><![CDATA[<raw>]]></vendor_extension>
            <proxy></proxy>
          </libreconnect>
          """;

  @TempDir Path directory;

  @Test
  void startsFromAnEmptyDocumentWhenTheFileIsMissing() {
    ConfigDocument document = ConfigDocument.open(directory.resolve("new.xml"));

    assertThat(text(document)).isEqualTo(DECLARATION + "<libreconnect></libreconnect>\n");
    assertThat(document.toConfig()).isEqualTo(ConnectorConfig.defaults());
    assertThat(Files.exists(directory.resolve("new.xml"))).isFalse();
  }

  @Test
  void setCreatesMissingElementsIndented() {
    ConfigDocument document =
        ConfigDocument.open(directory.resolve("new.xml"))
            .set("proxy/server", "proxy.example.org")
            .set("proxy/port", "3128")
            .set("server/port", "9983");

    assertThat(text(document))
        .isEqualTo(
            DECLARATION
                + """
                <libreconnect>
                  <proxy>
                    <server>proxy.example.org</server>
                    <port>3128</port>
                  </proxy>
                  <server>
                    <port>9983</port>
                  </server>
                </libreconnect>
                """);
    assertThat(document.toConfig().proxy().configured()).isTrue();
    assertThat(document.toConfig().server().port()).isEqualTo(9983);
  }

  @Test
  void anUnchangedDocumentRoundTripsByteForByte() throws IOException {
    Path file = write(HAND_EDITED);

    ConfigDocument.open(file).save(AtomicFiles::write);

    assertThat(Files.readString(file)).isEqualTo(HAND_EDITED);
  }

  @Test
  void editsKeepUnknownElementsAttributesAndComments() throws IOException {
    Path file = write(HAND_EDITED);

    ConfigDocument.open(file).set("server/port", "9990").set("proxy/server", "p.example.org")
        .set("proxy/port", "8080").save(AtomicFiles::write);

    assertThat(Files.readString(file))
        .isEqualTo(
            HAND_EDITED
                .replace("<port>9982</port>", "<port>9990</port>")
                .replace(
                    "<proxy></proxy>",
                    """
                    <proxy>
                        <server>p.example.org</server>
                        <port>8080</port>
                      </proxy>"""));
    ConnectorConfig reloaded = ConfigLoader.load(file);
    assertThat(reloaded.server().port()).isEqualTo(9990);
    assertThat(reloaded.proxy().server()).contains("p.example.org");
  }

  @Test
  void newElementsFollowTheFilesIndentation() throws IOException {
    Path file =
        write(
            DECLARATION
                + "<libreconnect>\n\t<server>\n\t\t<port>1</port>\n\t</server>\n</libreconnect>\n");

    ConfigDocument document =
        ConfigDocument.open(file).set("server/ip", "::1").set("ntp/server", "ntp");

    assertThat(text(document))
        .isEqualTo(
            DECLARATION
                + "<libreconnect>\n\t<server>\n\t\t<port>1</port>\n\t\t<ip>::1</ip>\n\t</server>\n"
                + "\t<ntp>\n\t\t<server>ntp</server>\n\t</ntp>\n</libreconnect>\n");
  }

  @Test
  void removeTakesTheElementAndItsLine() throws IOException {
    Path file = write(HAND_EDITED);

    ConfigDocument document =
        ConfigDocument.open(file).remove("server/future_option").remove("no/such");

    assertThat(text(document))
        .isEqualTo(
            HAND_EDITED.replace("\n    <future_option mode=\"fast\">on</future_option>", ""));
  }

  @Test
  void removingTheLastChildLeavesAnEmptyElement() {
    ConfigDocument document =
        ConfigDocument.open(directory.resolve("new.xml"))
            .set("ntp/server", "x")
            .remove("ntp/server");

    assertThat(text(document))
        .isEqualTo(DECLARATION + "<libreconnect>\n  <ntp></ntp>\n</libreconnect>\n");
  }

  @Test
  void readsRepeatedValues() throws IOException {
    ConfigDocument document = ConfigDocument.open(write(HAND_EDITED));

    assertThat(document.values("server/allowed_origins/origin"))
        .containsExactly("https://*.example.com", "http://localhost:3000");
    assertThat(document.value("server/port")).contains("9982");
    assertThat(document.value("server/ip")).isEmpty();
    assertThat(document.values("nothing/here")).isEmpty();
  }

  @Test
  void setAllReplacesRepeatedElementsInPlace() throws IOException {
    ConfigDocument document =
        ConfigDocument.open(write(HAND_EDITED))
            .setAll(
                "server/allowed_origins/origin",
                List.of("https://a.example.org", "https://b.example.org"));

    assertThat(text(document))
        .isEqualTo(
            HAND_EDITED
                .replace("https://*.example.com", "https://a.example.org")
                .replace("http://localhost:3000", "https://b.example.org"));
    assertThat(document.toConfig().server().allowedOrigins())
        .extracting(AllowedOrigin::pattern)
        .containsExactly("https://a.example.org", "https://b.example.org");
  }

  @Test
  void setAllCreatesAndEmpties() {
    ConfigDocument document =
        ConfigDocument.open(directory.resolve("new.xml"))
            .setAll(
                "server/allowed_origins/origin",
                List.of("https://a.example.org", "http://localhost:*"));

    assertThat(text(document))
        .isEqualTo(
            DECLARATION
                + """
                <libreconnect>
                  <server>
                    <allowed_origins>
                      <origin>https://a.example.org</origin>
                      <origin>http://localhost:*</origin>
                    </allowed_origins>
                  </server>
                </libreconnect>
                """);

    document.setAll("server/allowed_origins/origin", List.of());

    assertThat(document.values("server/allowed_origins/origin")).isEmpty();
    assertThat(text(document)).contains("<allowed_origins></allowed_origins>");
  }

  @Test
  void escapesMarkupInValues() throws IOException {
    Path file = directory.resolve("escape.xml");
    ConfigDocument.open(file)
        .set("proxy/server", "p")
        .set("proxy/port", "1")
        .set("proxy/login", "a<b>&\"c\"\r")
        .save(AtomicFiles::write);

    assertThat(ConfigLoader.load(file).proxy().login()).contains("a<b>&\"c\"");
    assertThat(ConfigDocument.open(file).value("proxy/login")).contains("a<b>&\"c\"");
  }

  @Test
  void toConfigValidatesLikeTheLoader() {
    ConfigDocument document =
        ConfigDocument.open(directory.resolve("new.xml")).set("server/port", "99999");

    assertThatThrownBy(document::toConfig)
        .isInstanceOf(ConfigException.class)
        .hasMessage("server/port: \"99999\" is not a port (1-65535)");

    document.set("server/port", "9982").setAll("server/allowed_origins/origin", List.of("ftp://x"));

    assertThatThrownBy(document::toConfig)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "server/allowed_origins/origin: \"ftp://x\" is not a valid origin pattern");
  }

  @Test
  void refusesToOverwriteASection() {
    ConfigDocument document =
        ConfigDocument.open(directory.resolve("new.xml")).set("proxy/server", "p");

    assertThatThrownBy(() -> document.set("proxy", "oops"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxy holds other elements");
    assertThat(document.value("proxy/server")).contains("p");
  }

  @Test
  void refusesMalformedPaths() {
    ConfigDocument document = ConfigDocument.open(directory.resolve("new.xml"));

    List<String> malformed =
        List.of("", "/server", "server/", "server//port", "a b", "x:y", "../etc", "1abc");
    for (String path : malformed) {
      assertThatThrownBy(() -> document.set(path, "1"))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not an element path");
    }
  }

  @Test
  void refusesCharactersXmlCannotHoldAndHidesPasswords() {
    ConfigDocument document = ConfigDocument.open(directory.resolve("new.xml"));

    assertThatThrownBy(() -> document.set("proxy/login", "bob\u0000"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("proxy/login: \"bob\\u0000\" holds a character that XML cannot hold");
    assertThatThrownBy(() -> document.set("proxy/password", "pa\u0001ss"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("proxy/password: (hidden) holds a character that XML cannot hold");
    assertThatThrownBy(() -> document.set("proxy/login", "\ud800"))
        .isInstanceOf(ConfigException.class);
    assertThat(text(document)).isEqualTo(DECLARATION + "<libreconnect></libreconnect>\n");
  }

  @Test
  void savesWhatTheLoaderReadsBack() {
    Path file = directory.resolve("sub/dir/libreconnect.xml");
    ConfigDocument document =
        ConfigDocument.open(file)
            .set("server/port", "9985")
            .set("simulation/enabled", "yes")
            .setAll("server/allowed_origins/origin", List.of("https://*.example.com"));

    document.save(AtomicFiles::write);

    assertThat(document.file()).isEqualTo(file);
    assertThat(ConfigLoader.load(file)).isEqualTo(document.toConfig());
    assertThat(ConfigLoader.load(file).simulation().enabled()).isTrue();
  }

  private Path write(String content) throws IOException {
    Path file = directory.resolve("libreconnect.xml");
    Files.writeString(file, content);
    return file;
  }

  private static String text(ConfigDocument document) {
    return new String(document.toBytes(), StandardCharsets.UTF_8);
  }
}
