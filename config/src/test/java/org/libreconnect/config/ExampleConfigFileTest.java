package org.libreconnect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Element;

/** Keeps the annotated example and the reference page in step with the code. */
class ExampleConfigFileTest {

  static final List<String> ELEMENT_PATHS =
      List.of(
          "server/ip",
          "server/port",
          "server/host_name",
          "server/log_level",
          "server/clean_zombies",
          "server/max_sessions",
          "server/prestarted_workers",
          "server/max_workers",
          "server/worker_start_interval_ms",
          "server/max_frame_bytes",
          "server/max_rest_body_bytes",
          "server/idle_timeout_seconds",
          "server/request_timeout_seconds",
          "server/max_connections",
          "server/shared_class_data",
          "server/fixed_class_data_address",
          "server/max_session_data_bytes",
          "server/max_persistent_data_bytes",
          "server/max_session_log_age_days",
          "server/max_session_log_folders",
          "server/allowed_origins/origin",
          "server/log_origins/origin",
          "updater/enabled",
          "updater/channel",
          "updater/url",
          "proxy/server",
          "proxy/port",
          "proxy/login",
          "proxy/password",
          "ntp/server",
          "ntp/port",
          "dmpconnect/transactionDumpDirectory",
          "dmpconnect/log_level",
          "dmpconnect/homologation_number",
          "pkcs11/library",
          "simulation/enabled");

  private static final Path DOCS = moduleDirectory().resolve("../docs").normalize();
  private static final Path EXAMPLE = DOCS.resolve("config/libreconnect.example.xml");
  private static final Path REFERENCE = DOCS.resolve("configuration.md");

  @Test
  void theExampleLoads() {
    ConnectorConfig config = ConfigLoader.load(EXAMPLE);

    assertThat(config.server().port()).isEqualTo(9982);
    assertThat(config.server().hostName()).isEqualTo("localhost.icanopee.net");
    assertThat(config.server().maxFrameBytes()).isEqualTo(32 * 1024 * 1024);
    assertThat(config.server().allowedOrigins())
        .extracting(AllowedOrigin::pattern)
        .containsExactly("https://*.example.com", "http://localhost:3000");
    assertThat(config.proxy().configured()).isFalse();
    assertThat(config.dmpConnect().logLevel()).isEqualTo(DmpConnect.DEFAULT_LOG_LEVEL);
  }

  @Test
  void theExampleShowsTheServerModeDefaults() {
    RestServerConfig example = RestServerConfig.load(EXAMPLE);
    assertThat(example.ip()).isEqualTo(RestServerConfig.DEFAULT_IP);
    assertThat(example.port()).isEqualTo(RestServerConfig.DEFAULT_PORT);
    assertThat(example.maxInFlight()).isEqualTo(RestServerConfig.DEFAULT_MAX_IN_FLIGHT);
    assertThat(example.requestTimeoutSeconds()).isEqualTo(RestServerConfig.DEFAULT_REQUEST_TIMEOUT_SECONDS);
    assertThat(example.establishment().configured()).isFalse();
    assertThat(example.callers()).isEmpty();
  }

  @Test
  void theExampleShowsTheDefaults() {
    ConnectorConfig config = ConfigLoader.load(EXAMPLE);

    assertThat(config.server().logOrigins())
        .extracting(AllowedOrigin::pattern)
        .containsExactly("https://support.example.com");
    assertThat(config.withServer(config.server().withAllowedOrigins(List.of()).withLogOrigins(List.of())))
        .isEqualTo(ConnectorConfig.defaults());
  }

  @ParameterizedTest
  @FieldSource("ELEMENT_PATHS")
  void theExampleHasEveryElement(String path) {
    Element element =
        SecureXml.parse(readBytes(EXAMPLE), EXAMPLE.toString()).getDocumentElement();
    for (String name : path.split("/")) {
      List<Element> children = DomEdits.children(element, name);
      assertThat(children).as(path).isNotEmpty();
      element = children.get(0);
    }
  }

  @ParameterizedTest
  @FieldSource("ELEMENT_PATHS")
  void theReferenceDescribesEveryElement(String path) throws IOException {
    assertThat(Files.readString(REFERENCE)).contains("| `" + path + "` |");
  }

  @Test
  void savingTheExampleChangesNothing() {
    ConfigDocument document = ConfigDocument.open(EXAMPLE);

    assertThat(new String(document.toBytes(), StandardCharsets.UTF_8))
        .isEqualTo(new String(readBytes(EXAMPLE), StandardCharsets.UTF_8));
  }

  private static Path moduleDirectory() {
    // Surefire sets basedir; an IDE usually runs tests from the module directory.
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }
}
