package org.libreconnect.worker.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintSpoolTest {
  @TempDir Path dir;

  @Test
  void takesFinishedJobsInOrderAndDeletesThem() throws Exception {
    PrintSpool spool = new PrintSpool(dir.resolve("printer"));
    spool.prepare();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.directory()))).isEqualTo("rwx------");
    Files.writeString(spool.directory().resolve("12-Second.pdf"), "two", StandardCharsets.US_ASCII);
    Files.writeString(spool.directory().resolve("3-Lettre de liaison.pdf"), "one", StandardCharsets.US_ASCII);
    Files.writeString(spool.directory().resolve(".job.AbC123"), "half written", StandardCharsets.US_ASCII);
    Files.writeString(spool.directory().resolve("notes.txt"), "not a job", StandardCharsets.US_ASCII);

    List<PrintSpool.Document> documents = spool.documents();
    assertThat(documents).extracting(PrintSpool.Document::fileName).containsExactly("Lettre de liaison", "Second");
    assertThat(new String(documents.get(0).content(), StandardCharsets.US_ASCII)).isEqualTo("one");
    assertThat(documents.get(0).id()).isNotEqualTo(documents.get(1).id());
    try (var left = Files.list(spool.directory())) {
      assertThat(left.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(".job.AbC123", "notes.txt");
    }

    assertThat(spool.takeNext()).get().extracting(PrintSpool.Document::fileName).isEqualTo("Lettre de liaison");
    assertThat(spool.remove(Set.of(documents.get(1).id(), "unknown"))).isEqualTo(1);
    assertThat(spool.documents()).isEmpty();
    assertThat(spool.takeNext()).isEmpty();
  }

  @Test
  void fileNamesAreTheTitlesWithoutExtensionAndUnsafeCharacters() {
    assertThat(PrintSpool.fileName("Ordonnance Paul.pdf")).isEqualTo("Ordonnance Paul");
    assertThat(PrintSpool.fileName("../../etc/passwd")).doesNotContain("/");
    assertThat(PrintSpool.fileName("")).isEqualTo("document");
    assertThat(PrintSpool.fileName("x".repeat(500))).hasSize(200);
  }

  @Test
  void aMissingFolderHoldsNothing() {
    assertThat(new PrintSpool(dir.resolve("absent")).documents()).isEmpty();
  }
}
