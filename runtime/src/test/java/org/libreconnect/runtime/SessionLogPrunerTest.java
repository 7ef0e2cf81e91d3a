package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SessionLogPrunerTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path home;

  private final ChildProcesses children = new ChildProcesses();

  @AfterEach
  void destroyChildren() {
    children.close();
  }

  private InstallationLayout layout() {
    return new InstallationLayout(home);
  }

  /** A worker folder with a log file, everything last written {@code daysAgo} days before NOW. */
  private Path folder(String name, double daysAgo) throws IOException {
    Path folder = layout().createSessionLogDirectory(name);
    Path log = Files.writeString(folder.resolve("service.log"), "line\n");
    FileTime time = FileTime.from(NOW.minus(Duration.ofMinutes((long) (daysAgo * 24 * 60))));
    Files.setLastModifiedTime(log, time);
    Files.setLastModifiedTime(folder, time);
    return folder;
  }

  private List<String> remaining() throws IOException {
    try (Stream<Path> files = Files.list(layout().sessionsLogDir())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void foldersOlderThanTheMaximumAgeAreDeleted() throws IOException {
    folder("aa01", 1);
    folder("aa02", 13.9);
    folder("aa03", 14.1);
    folder("aa04", 40);

    List<Path> deleted =
        new SessionLogPruner(layout(), CLOCK, p -> false).prune(Duration.ofDays(14), 50);

    assertThat(deleted).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("aa03", "aa04");
    assertThat(remaining()).containsExactly("aa01", "aa02");
  }

  @Test
  void onlyTheNewestFoldersUpToTheCountAreKept() throws IOException {
    for (int i = 1; i <= 6; i++) {
      folder("bb0" + i, i); // bb01 is the newest
    }

    new SessionLogPruner(layout(), CLOCK, p -> false).prune(Duration.ofDays(14), 3);

    assertThat(remaining()).containsExactly("bb01", "bb02", "bb03");
  }

  @Test
  void aFileWrittenRecentlyKeepsAnOldFolder() throws IOException {
    Path folder = folder("cc01", 30);
    Files.setLastModifiedTime(
        folder.resolve("service.log"), FileTime.from(NOW.minus(Duration.ofHours(1))));

    new SessionLogPruner(layout(), CLOCK, p -> false).prune(Duration.ofDays(14), 50);

    assertThat(remaining()).containsExactly("cc01");
  }

  @Test
  void aFolderInUseIsNeverDeletedAndCountsAsKept() throws IOException {
    Path running = folder("dd01", 100);
    folder("dd02", 1);
    folder("dd03", 2);
    Set<Path> inUse = Set.of(running);

    new SessionLogPruner(layout(), CLOCK, inUse::contains).prune(Duration.ofDays(14), 2);

    assertThat(remaining()).containsExactly("dd01", "dd02");
  }

  @Test
  void theFolderOfARunningProcessOfThisHomeIsFoundAndSpared() throws IOException {
    Path running = folder("ee01", 100);
    Path stopped = folder("ee02", 100);
    Path ofAStranger = folder("ee03", 100);
    children.startSleeper(
        List.of(RunDirectory.homeMarker(home)), "--log-dir", running.toString());
    children.startSleeper(List.of(), "--log-dir", ofAStranger.toString());

    List<Path> deleted = new SessionLogPruner(layout(), CLOCK).prune(Duration.ofDays(14), 50);

    assertThat(deleted).containsExactlyInAnyOrder(stopped, ofAStranger);
    assertThat(remaining()).containsExactly("ee01");
  }

  @Test
  void otherEntriesAreLeftAlone() throws IOException {
    folder("ff01", 100);
    Path notOurs = Files.createDirectories(layout().sessionsLogDir().resolve("keep.me"));
    Files.setLastModifiedTime(notOurs, FileTime.from(NOW.minus(Duration.ofDays(100))));
    Files.writeString(layout().sessionsLogDir().resolve("notes"), "x");

    new SessionLogPruner(layout(), CLOCK, p -> false).prune(Duration.ofDays(14), 1);

    assertThat(remaining()).containsExactly("keep.me", "notes");
  }

  @Test
  void aSessionsPathThatIsAFileIsNothingToPrune() throws IOException {
    Files.createDirectories(layout().logDir());
    Files.writeString(layout().sessionsLogDir(), "a file where the folder should be");

    assertThat(new SessionLogPruner(layout(), CLOCK, p -> false).prune(Duration.ofDays(1), 1))
        .isEmpty();
    assertThat(layout().sessionsLogDir()).isRegularFile();
  }

  @Test
  void aMissingSessionsDirectoryIsNothingToPrune() throws IOException {
    assertThat(new SessionLogPruner(layout(), CLOCK, p -> false).prune(Duration.ofDays(1), 1))
        .isEmpty();
  }
}
