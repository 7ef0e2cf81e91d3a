package org.libreconnect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  @TempDir Path directory;

  static ConnectorConfig parse(String xml) {
    return ConfigLoader.parse(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
  }

  static ConnectorConfig parseBody(String body) {
    return parse("<libreconnect>" + body + "</libreconnect>");
  }

  @Test
  void namesTheSettingsThatHoldASecretWithoutTheirValues() {
    ConnectorConfig withPassword =
        parseBody("<proxy><server>p</server><port>1</port><password>s3cret</password></proxy>");

    assertThat(withPassword.secretSettings()).containsExactly("proxy/password");
    assertThat(parseBody("<proxy><server>p</server><port>1</port></proxy>").secretSettings())
        .isEmpty();
  }

  @Test
  void readsEveryElement() {
    ConnectorConfig config =
        parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <libreconnect>
              <server>
                <ip>0.0.0.0</ip>
                <port>9983</port>
                <host_name>Connector.Example.org</host_name>
                <log_level>7</log_level>
                <clean_zombies>no</clean_zombies>
                <max_sessions>5</max_sessions>
                <prestarted_workers>0</prestarted_workers>
                <max_frame_bytes>65536</max_frame_bytes>
                <max_session_data_bytes>2048</max_session_data_bytes>
                <max_persistent_data_bytes>4096</max_persistent_data_bytes>
                <max_session_log_age_days>3</max_session_log_age_days>
                <max_session_log_folders>7</max_session_log_folders>
                <fixed_class_data_address>yes</fixed_class_data_address>
                <shared_class_data>no</shared_class_data>
                <allowed_origins>
                  <origin>https://*.example.com</origin>
                  <origin>http://localhost:3000</origin>
                </allowed_origins>
              </server>
              <updater><enabled>on</enabled><channel>BETA</channel><url>https://updates.example.org/beta</url></updater>
              <proxy><server>proxy.example.org</server><port>3128</port><login>alice</login><password>s3cret</password></proxy>
              <ntp><server>ntp.example.org</server><port>1123</port></ntp>
              <dmpconnect><transactionDumpDirectory>/var/tmp/dumps</transactionDumpDirectory><log_level>5</log_level><homologation_number>DMP-2026-042</homologation_number></dmpconnect>
              <pkcs11><library>/opt/cps/libcps3_pkcs11_lux.so</library></pkcs11>
              <simulation><enabled>1</enabled></simulation>
            </libreconnect>
            """);

    Server server = config.server();
    assertThat(server.ip()).isEqualTo("0.0.0.0");
    assertThat(server.port()).isEqualTo(9983);
    assertThat(server.hostName()).isEqualTo("connector.example.org");
    assertThat(server.logLevel()).isEqualTo(7);
    assertThat(server.cleanZombies()).isFalse();
    assertThat(server.maxSessions()).isEqualTo(5);
    assertThat(server.prestartedWorkers()).isZero();
    assertThat(server.maxFrameBytes()).isEqualTo(65536);
    assertThat(server.maxSessionDataBytes()).isEqualTo(2048);
    assertThat(server.maxPersistentDataBytes()).isEqualTo(4096);
    assertThat(server.maxSessionLogAgeDays()).isEqualTo(3);
    assertThat(server.maxSessionLogFolders()).isEqualTo(7);
    assertThat(server.limits().fixedClassDataAddress()).isTrue();
    assertThat(server.limits().sharedClassData()).isFalse();
    assertThat(server.allowedOrigins())
        .extracting(AllowedOrigin::pattern)
        .containsExactly("https://*.example.com", "http://localhost:3000");
    assertThat(server.allowsOrigin("https://app.example.com")).isTrue();
    assertThat(server.allowsOrigin("http://localhost:3001")).isFalse();
    assertThat(config.updater())
        .isEqualTo(new Updater(true, "beta", Optional.of("https://updates.example.org/beta")));
    assertThat(config.proxy())
        .isEqualTo(
            new Proxy(
                Optional.of("proxy.example.org"),
                OptionalInt.of(3128),
                Optional.of("alice"),
                Optional.of("s3cret")));
    assertThat(config.ntp()).isEqualTo(new Ntp(Optional.of("ntp.example.org"), 1123));
    assertThat(config.dmpConnect())
        .isEqualTo(new DmpConnect(Optional.of(Path.of("/var/tmp/dumps")), 5, "DMP-2026-042"));
    assertThat(config.pkcs11().library()).contains(Path.of("/opt/cps/libcps3_pkcs11_lux.so"));
    assertThat(config.simulation().enabled()).isTrue();
  }

  @Test
  void emptyRootGivesDefaults() {
    assertThat(parse("<libreconnect/>")).isEqualTo(ConnectorConfig.defaults());
    assertThat(ConnectorConfig.defaults().server().limits().sharedClassData()).isTrue();
  }

  @Test
  void emptyElementsMeanDefaults() {
    ConnectorConfig config =
        parseBody(
            """
            <server><ip> </ip><port></port><host_name/><log_level>
            </log_level><clean_zombies/><allowed_origins><origin> </origin></allowed_origins></server>
            <updater><enabled/><channel/><url></url></updater>
            <proxy><server></server><port></port><login></login><password></password></proxy>
            <ntp><server/><port/></ntp>
            <dmpconnect><transactionDumpDirectory/><log_level/></dmpconnect>
            <pkcs11><library/></pkcs11>
            <simulation><enabled/></simulation>
            """);

    assertThat(config).isEqualTo(ConnectorConfig.defaults());
  }

  @Test
  void acceptsAnyRootElementName() {
    assertThat(parse("<DmpConnect-JS2><server><port>9990</port></server></DmpConnect-JS2>")
            .server()
            .port())
        .isEqualTo(9990);
  }

  @Test
  void ignoresUnknownElementsAttributesAndComments() {
    ConnectorConfig config =
        parseBody(
            """
            <!-- a comment -->
            <future_section><x>1</x></future_section>
            <server flavour="vanilla"><future>yes</future><port>99<!-- split -->83</port></server>
            """);

    assertThat(config.server().port()).isEqualTo(9983);
  }

  @Test
  void trimsValues() {
    ConnectorConfig config =
        parseBody(
            "<server><port>\n  9984\t</port><ip> ::1 </ip></server>"
                + "<proxy><server> proxy </server><port> 8080 </port></proxy>");

    assertThat(config.server().port()).isEqualTo(9984);
    assertThat(config.server().ip()).isEqualTo("::1");
    assertThat(config.proxy().server()).contains("proxy");
    assertThat(config.proxy().port()).hasValue(8080);
  }

  @ParameterizedTest
  @CsvSource({
    "true,true", "TRUE,true", "on,true", "On,true", "yes,true", "YES,true", "1,true",
    "false,false", "False,false", "off,false", "OFF,false", "no,false", "No,false", "0,false"
  })
  void readsEveryBooleanSpelling(String text, boolean expected) {
    ConnectorConfig config =
        parseBody(
            "<simulation><enabled>" + text + "</enabled></simulation>"
                + "<server><clean_zombies>" + text + "</clean_zombies></server>");

    assertThat(config.simulation().enabled()).isEqualTo(expected);
    assertThat(config.server().cleanZombies()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          <server><port>99999</port></server>           | server/port: "99999" is not a port (1-65535)
          <server><port>0</port></server>               | server/port: "0" is not a port (1-65535)
          <server><port>http</port></server>            | server/port: "http" is not a port (1-65535)
          <server><port>99.5</port></server>            | server/port: "99.5" is not a port (1-65535)
          <server><log_level>9</log_level></server>     | server/log_level: "9" must be between 1 and 7
          <server><log_level>0</log_level></server>     | server/log_level: "0" must be between 1 and 7
          <server><log_level>high</log_level></server>  | server/log_level: "high" is not a whole number
          <server><ip><x/>127.0.0.1</ip></server>      | server/ip: holds elements where a value is expected
          <server><allowed_origins><origin>https://a<password>s3cret</password>.example.org</origin></allowed_origins></server> | server/allowed_origins/origin: holds elements where a value is expected
          <server><max_session_log_age_days>0</max_session_log_age_days></server> | server/max_session_log_age_days: "0" must be between 1 and 3650
          <server><max_session_log_folders>0</max_session_log_folders></server> | server/max_session_log_folders: "0" must be between 1 and 100000
          <server><log_level>٤</log_level></server>     | server/log_level: "٤" is not a whole number
          <server><max_sessions>0</max_sessions></server> | server/max_sessions: "0" must be at least 1
          <server><max_sessions>99999999999999999999999</max_sessions></server> | server/max_sessions: "99999999999999999999999" must be between 1 and 2147483647
          <server><prestarted_workers>9</prestarted_workers></server> | server/prestarted_workers: "9" must be between 0 and 8
          <server><prestarted_workers>-1</prestarted_workers></server> | server/prestarted_workers: "-1" must be between 0 and 8
          <server><max_frame_bytes>65535</max_frame_bytes></server> | server/max_frame_bytes: "65535" must be between 65536 and 536870912
          <server><max_frame_bytes>536870913</max_frame_bytes></server> | server/max_frame_bytes: "536870913" must be between 65536 and 536870912
          <server><max_session_data_bytes>10</max_session_data_bytes></server> | server/max_session_data_bytes: "10" must be between 1024 and 1073741824
          <server><max_persistent_data_bytes>2147483648</max_persistent_data_bytes></server> | server/max_persistent_data_bytes: "2147483648" must be between 1024 and 1073741824
          <server><clean_zombies>maybe</clean_zombies></server> | server/clean_zombies: "maybe" is not a boolean (true/false, yes/no, on/off, 1/0)
          <server><ip>not an address</ip></server>      | server/ip: "not an address" is not a host name or an IP address
          <server><ip>127.0.0.1:9982</ip></server>      | server/ip: "127.0.0.1:9982" is not a host name or an IP address
          <server><host_name>bad_name.example</host_name></server> | server/host_name: "bad_name.example" is not a host name
          <server><allowed_origins><origin>ftp://x</origin></allowed_origins></server> | server/allowed_origins/origin: "ftp://x" is not a valid origin pattern: the scheme must be http, https, chrome-extension or moz-extension
          <server><allowed_origins><origin>https://example.com/</origin></allowed_origins></server> | server/allowed_origins/origin: "https://example.com/" is not a valid origin pattern: an origin has no path, not even a trailing "/"
          <updater><enabled>sometimes</enabled></updater> | updater/enabled: "sometimes" is not a boolean (true/false, yes/no, on/off, 1/0)
          <updater><channel>alpha</channel></updater>   | updater/channel: "alpha" must be one of prod, dev, beta
          <updater><url>http://updates.example.org</url></updater> | updater/url: "http://updates.example.org" is not an https URL (http is accepted for localhost only)
          <updater><url>not a url</url></updater>       | updater/url: "not a url" is not an https URL (http is accepted for localhost only)
          <proxy><server>proxy.example.org</server></proxy> | proxy/port: "" is required when proxy/server is set
          <proxy><server>http://proxy:3128</server><port>3128</port></proxy> | proxy/server: "http://proxy:3128" is not a host name or an IP address (no scheme; the port goes in proxy/port)
          <proxy><server>p</server><port>65536</port></proxy> | proxy/port: "65536" is not a port (1-65535)
          <ntp><server>ntp..example.org</server></ntp>  | ntp/server: "ntp..example.org" is not a host name or an IP address
          <ntp><port>70000</port></ntp>                 | ntp/port: "70000" is not a port (1-65535)
          <dmpconnect><log_level>6</log_level></dmpconnect> | dmpconnect/log_level: "6" must be between 1 and 5
          <dmpconnect><homologation_number>n° 12</homologation_number></dmpconnect> | dmpconnect/homologation_number: "n° 12" is not a homologation number (1-64 letters, digits, '.', '_' or '-')
          <simulation><enabled>yes please</enabled></simulation> | simulation/enabled: "yes please" is not a boolean (true/false, yes/no, on/off, 1/0)
          <server><port>9982</port><port>9983</port></server> | server/port: given 2 times ("9982", "9983"); keep only one
          <server><port>1</port></server><server><ip>::1</ip></server> | server: given 2 times; keep only one
          <proxy><password>s3cret</password><password>other</password></proxy> | proxy/password: given 2 times ((hidden), (hidden)); keep only one
          """)
  void namesThePathAndTheValueOfABadValue(String body, String message) {
    assertThatThrownBy(() -> parseBody(body))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void acceptsHttpUpdatesFromThisComputerOnly() {
    assertThat(parseBody("<updater><url>http://127.0.0.1:8080/u</url></updater>").updater().url())
        .contains("http://127.0.0.1:8080/u");
    assertThat(parseBody("<updater><url>http://localhost/u</url></updater>").updater().url())
        .contains("http://localhost/u");
    assertThatThrownBy(() -> parseBody("<updater><url>http://localhost.evil.net/</url></updater>"))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void loadsAFile() throws IOException {
    Path file = directory.resolve("libreconnect.xml");
    Files.writeString(file, "<libreconnect><server><port>9991</port></server></libreconnect>");

    assertThat(ConfigLoader.load(file).server().port()).isEqualTo(9991);
    assertThat(ConfigLoader.loadOrDefaults(file).server().port()).isEqualTo(9991);
  }

  @Test
  void honoursTheDeclaredEncoding() throws IOException {
    Path file = directory.resolve("latin1.xml");
    Files.write(
        file,
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<libreconnect><proxy><login>Élodie</login></proxy></libreconnect>")
            .getBytes(StandardCharsets.ISO_8859_1));

    assertThat(ConfigLoader.load(file).proxy().login()).contains("Élodie");
  }

  @Test
  void aMissingFileIsAnErrorForLoad() {
    Path missing = directory.resolve("nowhere.xml");

    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage("configuration file " + missing + " does not exist");
  }

  @Test
  void aMissingFileMeansDefaultsForLoadOrDefaults() {
    assertThat(ConfigLoader.loadOrDefaults(directory.resolve("nowhere.xml")))
        .isEqualTo(ConnectorConfig.defaults());
  }

  @Test
  void anInvalidFileIsAnErrorEvenForLoadOrDefaults() throws IOException {
    Path file = directory.resolve("bad.xml");
    Files.writeString(file, "<libreconnect><server><port>-1</port></server></libreconnect>");

    assertThatThrownBy(() -> ConfigLoader.loadOrDefaults(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage("server/port: \"-1\" is not a port (1-65535)");
  }

  @Test
  void malformedXmlNamesTheFileAndTheLine() throws IOException {
    Path file = directory.resolve("broken.xml");
    Files.writeString(
        file, "<libreconnect>\n  <server>\n    <port>9982</prot>\n  </server>\n</libreconnect>\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": invalid XML at line 3, column ")
        .hasMessageContaining("port");
  }

  @Test
  void anEmptyFileIsMalformed() throws IOException {
    Path file = directory.resolve("empty.xml");
    Files.writeString(file, "");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": invalid XML");
  }

  @Test
  void aStreamIsNamedBySourceName() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    new ByteArrayInputStream("<a><b></a>".getBytes(StandardCharsets.UTF_8)),
                    "from-the-tray"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("from-the-tray: invalid XML at line 1");
  }

  @Test
  void aDirectoryCannotBeRead() {
    assertThatThrownBy(() -> ConfigLoader.load(directory))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot read " + directory);
  }

  @Test
  void refusesAnOversizedFile() throws IOException {
    Path file = directory.resolve("huge.xml");
    Files.writeString(
        file, "<libreconnect><!--" + "x".repeat(SecureXml.MAX_BYTES) + "--></libreconnect>");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": larger than 1024 KiB, not a configuration file");
  }
}
