package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Timeout(60)
class BootstrapLogConfiguratorTest {

  @TempDir Path directory;

  private record Output(String out, String err) {}

  private Output runLoggingMain(String... jvmArguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ChildProcesses.javaCommand());
    command.addAll(List.of(jvmArguments));
    command.add("-cp");
    command.add(
        ChildProcesses.classPath(
            List.of(
                LoggingMain.class,
                BootstrapLogConfigurator.class,
                LoggerFactory.class,
                LoggerContext.class,
                ContextAwareBase.class)));
    command.add(LoggingMain.class.getName());
    Path out = directory.resolve("out.txt");
    Path err = directory.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
    return new Output(
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** A Logback configuration that writes DEBUG and above, level and message only, to standard output. */
  private Path debugToStandardOutput() throws IOException {
    Path config = directory.resolve("logback.xml");
    Files.writeString(
        config,
        """
        <configuration>
          <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%level %msg%n</pattern></encoder>
          </appender>
          <root level="DEBUG"><appender-ref ref="out"/></root>
        </configuration>
        """);
    return config;
  }

  @Test
  void beforeLogSetupInfoGoesToStandardErrorWithoutStatusMessages() throws Exception {
    Output output = runLoggingMain();

    assertThat(output.out()).isEmpty();
    assertThat(output.err().lines())
        .singleElement()
        .asString()
        .contains(" INFO  startup [main] org.libreconnect.master.Y - bootstrap.info");
  }

  @Test
  void theDirectProviderStartsWithTheSameSettingAndNoWarning() throws Exception {
    Output output =
        runLoggingMain("-Dslf4j.provider=" + DirectLogbackProvider.CLASS_NAME, "-Dslf4j.internal.verbosity=WARN");

    assertThat(output.out()).isEmpty();
    assertThat(output.err().lines())
        .singleElement()
        .asString()
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"
            + " INFO  startup \\[main\\] org\\.libreconnect\\.master\\.Y - bootstrap\\.info");
  }

  @Test
  void theDirectProviderReadsNoLogbackConfiguration() throws Exception {
    Path config = debugToStandardOutput();

    Output output =
        runLoggingMain(
            "-Dslf4j.provider=" + DirectLogbackProvider.CLASS_NAME,
            "-Dslf4j.internal.verbosity=WARN",
            "-Dlogback.configurationFile=" + config);

    assertThat(output.out()).isEmpty();
    assertThat(output.err()).contains("bootstrap.info").doesNotContain("bootstrap.debug");
  }

  @Test
  void explicitLogbackConfigurationFileIsHonoured() throws Exception {
    Path config = debugToStandardOutput();

    Output output = runLoggingMain("-Dlogback.configurationFile=" + config);

    assertThat(output.out().lines())
        .containsExactly("DEBUG bootstrap.debug", "INFO bootstrap.info");
  }
}
