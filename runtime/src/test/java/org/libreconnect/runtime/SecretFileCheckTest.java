package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SecretFileCheckTest {

  private static final String SECRET = "pr0xy-S3cret-9c41";

  @TempDir Path directory;

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(SecretFileCheck.class);

  @BeforeEach
  void capture() {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX");
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
  }

  private Path config(String permissions) throws IOException {
    Path file =
        Files.writeString(
            directory.resolve("libreconnect.xml"),
            "<libreconnect><proxy><password>" + SECRET + "</password></proxy></libreconnect>");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @Test
  void aGroupReadableFileWithASecretIsReportedWithoutTheSecret() throws IOException {
    Path file = config("rw-r-----");

    assertThat(SecretFileCheck.warnIfReadableByOthers(file, List.of("proxy/password"))).isTrue();

    assertThat(events.list).hasSize(1);
    String line = events.list.get(0).getFormattedMessage();
    assertThat(line).startsWith("config.permissions.open").contains("rw-r-----")
        .contains("proxy/password").doesNotContain(SECRET);
  }

  @Test
  void aWorldReadableFileIsReported() throws IOException {
    assertThat(
            SecretFileCheck.warnIfReadableByOthers(config("rw----r--"), List.of("proxy/password")))
        .isTrue();
  }

  @Test
  void anOwnerOnlyFileIsFine() throws IOException {
    assertThat(
            SecretFileCheck.warnIfReadableByOthers(config("rw-------"), List.of("proxy/password")))
        .isFalse();
    assertThat(events.list).isEmpty();
  }

  @Test
  void aFileWithoutSecretsMayBeReadByOthers() throws IOException {
    assertThat(SecretFileCheck.warnIfReadableByOthers(config("rw-r--r--"), List.of())).isFalse();
    assertThat(events.list).isEmpty();
  }
}
