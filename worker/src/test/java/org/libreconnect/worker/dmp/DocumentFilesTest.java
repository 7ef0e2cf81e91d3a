package org.libreconnect.worker.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentFilesTest {
  @TempDir Path dir;

  @Test
  void writesTheDocumentWholeAndOwnerOnlyAndAnswersItsFileUrl() throws Exception {
    DocumentFiles files = new DocumentFiles(dir.resolve("documents"));
    byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    String url = files.write(Base64.getEncoder().encodeToString(pdf), 5);
    assertThat(url).startsWith("file:/");
    Path file = Path.of(URI.create(url));
    assertThat(file.getParent().getFileName().toString()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    assertThat(file.getFileName().toString()).endsWith(".pdf");
    assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    assertThat(files.write(Base64.getEncoder().encodeToString(pdf), 5)).isNotEqualTo(url);
  }

  @Test
  void extensionsFollowTheDocumentFormat() {
    assertThat(DocumentFiles.extension(1)).isEqualTo(".txt");
    assertThat(DocumentFiles.extension(3)).isEqualTo(".jpg");
    assertThat(DocumentFiles.extension(7)).isEqualTo(".xml");
    assertThat(DocumentFiles.extension(99)).isEqualTo(".bin");
  }
}
