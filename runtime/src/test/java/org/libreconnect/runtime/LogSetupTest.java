package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Timeout(60)
class LogSetupTest {

  private static final Logger CARD = LoggerFactory.getLogger("org.libreconnect.worker.card.X");
  private static final Logger MASTER = LoggerFactory.getLogger("org.libreconnect.master.Y");

  @TempDir Path directory;

  @AfterEach
  void backToTheBootstrapConfiguration() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset(); // closes the files
    new BootstrapLogConfigurator().configure(context);
  }

  private static String read(Path file) throws IOException {
    LogSetup.flushCurrent(); // lines are written on the log-writer thread
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void filesAreCreatedWithTheDirectory() {
    Path logs = directory.resolve("logs/worker-1234");

    LogSetup setup = LogSetup.configure(logs, "worker-1234", false);

    assertThat(setup.serviceLog()).isEqualTo(logs.toAbsolutePath().resolve("service.log")).exists();
    assertThat(setup.connectorLog())
        .isEqualTo(logs.toAbsolutePath().resolve("connector.log"))
        .exists();
    assertThat(setup.serviceLevel()).isEqualTo(4);
    assertThat(setup.connectorLevel()).isEqualTo(4);
    assertThat(setup.consoleOutput()).isFalse();
  }

  @Test
  void cardEventGoesToTheConnectorLogOnly() throws IOException {
    LogSetup setup = LogSetup.configure(directory, "worker-1234", false);

    CARD.info("card.inserted reader=r1");

    assertThat(read(setup.connectorLog()))
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO "
                + " worker-1234 \\[[^\\]]+\\] org.libreconnect.worker.card.X - card.inserted"
                + " reader=r1\\R");
    assertThat(read(setup.serviceLog())).isEmpty();
  }

  @Test
  void masterEventGoesToTheServiceLogOnly() throws IOException {
    LogSetup setup = LogSetup.configure(directory, "master", false);

    MASTER.warn("session.closed id={}", 7);

    assertThat(read(setup.serviceLog()))
        .contains(" WARN  master [")
        .endsWith("org.libreconnect.master.Y - session.closed id=7" + System.lineSeparator());
    assertThat(read(setup.connectorLog())).isEmpty();
  }

  @Test
  void connectorPrefixesArePlainStringPrefixes() throws IOException {
    LogSetup setup = LogSetup.configure(directory, "worker-1", false);

    LoggerFactory.getLogger("org.libreconnect.pkcs11.Session").info("a");
    LoggerFactory.getLogger("org.libreconnect.pkcs11cryptolib.Module").info("b");
    LoggerFactory.getLogger("org.libreconnect.simulator").info("c");
    LoggerFactory.getLogger("org.libreconnect.worker.dmp.Client").info("d");
    LoggerFactory.getLogger("org.libreconnect.worker.Session").info("e");
    LoggerFactory.getLogger("io.netty.Channel").info("f");
    LoggerFactory.getLogger("org.libreconnect.dmp.transport.Cxf").info("g");

    assertThat(read(setup.connectorLog()).lines().map(l -> l.substring(l.length() - 1)))
        .containsExactly("a", "b", "c", "d", "g");
    assertThat(read(setup.serviceLog()).lines().map(l -> l.substring(l.length() - 1)))
        .containsExactly("e", "f");
  }

  @Test
  void raisingTheServiceLevelTakesEffectAtOnce() throws IOException {
    LogSetup setup = LogSetup.configure(directory, "master", false);

    MASTER.debug("before");
    assertThat(MASTER.isDebugEnabled()).isFalse();
    setup.setServiceLevel(5);
    MASTER.debug("after");

    assertThat(MASTER.isDebugEnabled()).isTrue();
    assertThat(MASTER.isTraceEnabled()).isFalse();
    assertThat(read(setup.serviceLog()))
        .doesNotContain("before")
        .contains("DEBUG master")
        .contains("after");
    assertThat(setup.serviceLevel()).isEqualTo(5);
    assertThat(CARD.isDebugEnabled()).as("connector level unchanged").isFalse();
  }

  @Test
  void librariesDebugOnlyFromVerboseDebug() throws IOException {
    Logger netty = LoggerFactory.getLogger("io.netty.handler.ssl.SslHandler");
    LogSetup setup = LogSetup.configure(directory, "master", false);

    setup.setServiceLevel(5);
    MASTER.debug("own at 5");
    netty.debug("library at 5");
    netty.info("library info at 5");
    assertThat(netty.isDebugEnabled()).isFalse();
    setup.setServiceLevel(6);
    netty.debug("library at 6");
    assertThat(netty.isDebugEnabled()).isTrue();
    assertThat(netty.isTraceEnabled()).isFalse();
    setup.setServiceLevel(7);
    assertThat(netty.isTraceEnabled()).isTrue();

    assertThat(read(setup.serviceLog()))
        .contains("own at 5", "library info at 5", "library at 6")
        .doesNotContain("library at 5");
  }

  @Test
  void raisingTheConnectorVerbosityTakesEffectAtOnce() throws IOException {
    LogSetup setup = LogSetup.configure(directory, "worker-1", false);

    CARD.debug("before");
    setup.setConnectorLevel(5);
    CARD.debug("after");

    assertThat(read(setup.connectorLog())).doesNotContain("before").contains("after");
    assertThat(setup.connectorLevel()).isEqualTo(5);
    assertThat(MASTER.isDebugEnabled()).as("service level unchanged").isFalse();
  }

  @Test
  void loweringLevelsSilencesEvents() throws IOException {
    LogSetup setup = LogSetup.configure(directory, "worker-1", false);

    setup.setServiceLevel(1);
    setup.setConnectorLevel(0);
    MASTER.warn("service warning");
    MASTER.error("service error");
    CARD.error("connector error");

    assertThat(read(setup.serviceLog()))
        .doesNotContain("service warning")
        .contains("service error");
    assertThat(read(setup.connectorLog())).isEmpty();
  }

  @Test
  void outOfRangeLevelIsRefusedAndTheLevelKept() {
    LogSetup setup = LogSetup.configure(directory, "master", false);

    assertThatIllegalArgumentException().isThrownBy(() -> setup.setServiceLevel(0x10005));
    assertThatIllegalArgumentException().isThrownBy(() -> setup.setConnectorLevel(6));

    assertThat(setup.serviceLevel()).isEqualTo(4);
    assertThat(setup.connectorLevel()).isEqualTo(4);
  }

  @Test
  void processLabelIsChecked() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LogSetup.configure(directory, "worker %d", false))
        .withMessageContaining("\"worker %d\"");
  }

  @Test
  void consoleOutputCopiesEveryChannelToStandardError() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      LogSetup setup = LogSetup.configure(directory, "master", true);
      MASTER.info("on the console");
      CARD.info("card on the console");
      setup.setConsoleOutput(false);
      MASTER.info("file only");
      setup.flush();
    } finally {
      System.setErr(originalErr);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("on the console", "card on the console")
        .doesNotContain("file only");
  }

  @Test
  void aReplacedSetUpRefusesChanges() {
    LogSetup first = LogSetup.configure(directory.resolve("a"), "master", false);
    LogSetup.configure(directory.resolve("b"), "master", false);

    assertThatIllegalStateException().isThrownBy(() -> first.setServiceLevel(5));
  }

  @Test
  void serviceLogRollsOverAtTenMegabytes() throws IOException {
    LogSetup setup = LogSetup.configure(directory, "master", false);
    String payload = "x".repeat(1000);

    Path rolled = directory.resolve("service.log.1");
    for (int i = 0; i < 100_000 && !Files.exists(rolled); i++) {
      MASTER.info("filler n={} {}", i, payload);
    }

    assertThat(rolled).exists();
    assertThat(rolled.toFile().length()).isGreaterThanOrEqualTo(10L * 1024 * 1024);
    assertThat(setup.serviceLog().toFile().length()).isLessThan(10L * 1024 * 1024);
    if (posix()) {
      // The file opened after the rollover is a new one: it must not take the umask's permissions.
      assertThat(permissions(setup.serviceLog())).isEqualTo("rw-------");
      assertThat(permissions(rolled)).isEqualTo("rw-------");
    }
  }

  @Test
  void theDirectoryAndTheFilesAreOwnerOnly() throws IOException {
    assumeTrue(posix(), "POSIX permissions");
    Path logs = directory.resolve("logs");

    LogSetup setup = LogSetup.configure(logs, "master", false);
    MASTER.info("first line");

    assertThat(permissions(logs)).isEqualTo("rwx------");
    assertThat(permissions(setup.serviceLog())).isEqualTo("rw-------");
    assertThat(permissions(setup.connectorLog())).isEqualTo("rw-------");
  }

  @Test
  void anExistingLogFileLosesGroupAndWorldAccessAndKeepsItsLines() throws IOException {
    assumeTrue(posix(), "POSIX permissions");
    Path service = Files.writeString(directory.resolve("service.log"), "earlier line\n");
    Files.setPosixFilePermissions(service, PosixFilePermissions.fromString("rw-r--r--"));

    LogSetup.configure(directory, "master", false);
    MASTER.info("later line");

    assertThat(permissions(service)).isEqualTo("rw-------");
    assertThat(read(service)).startsWith("earlier line\n").contains("later line");
  }

  @Test
  void aConsoleLogFileIsCreatedOwnerOnly() throws IOException {
    assumeTrue(posix(), "POSIX permissions");
    Path console = directory.resolve("session").resolve("console.log");

    assertThat(LogSetup.createOwnerOnlyLogFile(console)).isEqualTo(console);

    assertThat(console).exists().isEmptyFile();
    assertThat(permissions(console)).isEqualTo("rw-------");
    assertThat(permissions(console.getParent())).isEqualTo("rwx------");
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void logbackInformationMessagesAreNotPrinted() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      LogSetup.configure(directory, "master", false);
      LogSetup.configure(directory, "master", true);
    } finally {
      System.setErr(originalErr);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
