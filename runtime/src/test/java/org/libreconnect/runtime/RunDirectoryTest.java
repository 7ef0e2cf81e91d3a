package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RunDirectoryTest {

  private static final long SELF = ProcessHandle.current().pid();

  @TempDir Path home;

  private final ChildProcesses children = new ChildProcesses();
  private InstallationLayout layout;
  private RunDirectory run;

  @BeforeEach
  void setUp() {
    layout = new InstallationLayout(home);
    run = new RunDirectory(layout);
  }

  @AfterEach
  void destroyChildren() {
    children.close();
  }

  private Process ourChild(String... arguments) throws IOException {
    return children.startSleeper(List.of(RunDirectory.homeMarker(home)), arguments);
  }

  private Path pidFile(String role, long pid) {
    return layout.runDir().resolve(role + "-" + pid + ".pid");
  }

  @Test
  void homeMarkerIsThePropertyWithTheAbsoluteHome() {
    assertThat(RunDirectory.homeMarker(home.resolve("x/..")))
        .isEqualTo("-Dlibreconnect.home=" + home.toAbsolutePath().normalize());
  }

  @Test
  void recordSelfWritesPidAndStartInstant() throws IOException {
    run.recordSelf("master");

    Path file = pidFile("master", SELF);
    long start = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    assertThat(Files.readAllLines(file)).containsExactly(Long.toString(SELF), Long.toString(start));
    assertThat(layout.runDir()).isEqualTo(run.directory());
    try (var files = Files.list(layout.runDir())) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void runDirectoryIsCreatedOwnerOnly() throws IOException {
    assumeThat(home.getFileSystem().supportedFileAttributeViews()).contains("posix");

    run.recordSelf("master");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.runDir())))
        .isEqualTo("rwx------");
  }

  @Test
  void recordReplacesTheFileOfTheSamePid() throws IOException {
    run.recordSelf("master");
    run.recordSelf("master");

    try (var files = Files.list(layout.runDir())) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void forgetDeletesThePidFile() throws IOException {
    run.recordSelf("master");

    run.forget(SELF);
    run.forget(SELF); // nothing left to forget: no error

    assertThat(pidFile("master", SELF)).doesNotExist();
  }

  @Test
  void forgetWithoutRunDirectoryDoesNothing() throws IOException {
    run.forget(1234);

    assertThat(layout.runDir()).doesNotExist();
  }

  @Test
  void currentProcessIsNeverALeftover() throws IOException {
    run.recordSelf("master");

    assertThat(run.leftovers(-1)).isEmpty();
    assertThat(pidFile("master", SELF)).exists();
  }

  @Test
  void markedChildIsFoundAndEnded() throws IOException {
    Process child = ourChild();
    run.record("worker", child.toHandle());

    assertThat(run.leftovers(SELF)).extracting(ProcessHandle::pid).containsExactly(child.pid());

    List<Long> ended = run.cleanLeftovers(Duration.ofSeconds(10), SELF);

    assertThat(ended).containsExactly(child.pid());
    assertThat(child.isAlive()).isFalse();
    assertThat(pidFile("worker", child.pid())).doesNotExist();
    assertThat(run.leftovers(SELF)).isEmpty();
  }

  @Test
  void exceptedPidIsLeftAlone() throws IOException {
    Process child = ourChild();
    run.record("master", child.toHandle());

    assertThat(run.leftovers(child.pid())).isEmpty();
    assertThat(run.cleanLeftovers(Duration.ofSeconds(1), child.pid())).isEmpty();

    assertThat(child.isAlive()).isTrue();
    assertThat(pidFile("master", child.pid())).exists();
  }

  @Test
  void processWithoutTheMarkerIsNotKilledAndItsFileIsRemoved() throws IOException {
    Process stranger = children.startSleeper(List.of());
    run.record("worker", stranger.toHandle());

    assertThat(run.cleanLeftovers(Duration.ofSeconds(1), SELF)).isEmpty();

    assertThat(stranger.isAlive()).isTrue();
    assertThat(pidFile("worker", stranger.pid())).doesNotExist();
  }

  @Test
  void processOfAnotherHomeWithTheSamePrefixIsNotOurs() throws IOException {
    Path otherHome = Path.of(home + "-other");
    Process neighbour = children.startSleeper(List.of(RunDirectory.homeMarker(otherHome)));
    run.record("master", neighbour.toHandle());

    assertThat(run.leftovers(SELF)).isEmpty();

    assertThat(neighbour.isAlive()).isTrue();
    assertThat(pidFile("master", neighbour.pid())).doesNotExist();
  }

  @Test
  void fileOfADeadProcessIsRemoved() throws Exception {
    Process child = ourChild();
    run.record("worker", child.toHandle());
    child.destroyForcibly();
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

    assertThat(run.leftovers(SELF)).isEmpty();

    assertThat(pidFile("worker", child.pid())).doesNotExist();
  }

  @Test
  void pidRecordedWithAnotherStartInstantIsNotOurs() throws IOException {
    Process child = ourChild();
    Instant start = child.toHandle().info().startInstant().orElseThrow();
    Files.createDirectories(layout.runDir());
    Files.writeString(
        pidFile("worker", child.pid()),
        child.pid() + "\n" + start.minusSeconds(3600).toEpochMilli() + "\n");

    assertThat(run.cleanLeftovers(Duration.ofSeconds(1), SELF)).isEmpty();

    assertThat(child.isAlive()).isTrue();
    assertThat(pidFile("worker", child.pid())).doesNotExist();
  }

  @Test
  void unknownStartInstantFallsBackToTheMarker() throws IOException {
    Process child = ourChild();
    Files.createDirectories(layout.runDir());
    Files.writeString(pidFile("worker", child.pid()), child.pid() + "\n\n");

    assertThat(run.leftovers(SELF)).extracting(ProcessHandle::pid).containsExactly(child.pid());
  }

  @Test
  void malformedPidFilesAreRemovedAndOtherFilesKept() throws IOException {
    Files.createDirectories(layout.runDir());
    Path wrongContent = Files.writeString(layout.runDir().resolve("worker-12.pid"), "13\n\n");
    Path notANumber = Files.writeString(layout.runDir().resolve("worker-12.pid.pid"), "x");
    Path garbage = Files.writeString(layout.runDir().resolve("master-77.pid"), "seventy-seven");
    Path notes = Files.writeString(layout.runDir().resolve("notes.txt"), "keep me");

    assertThat(run.leftovers(SELF)).isEmpty();

    assertThat(wrongContent).doesNotExist();
    assertThat(notANumber).doesNotExist();
    assertThat(garbage).doesNotExist();
    assertThat(notes).exists();
  }

  @Test
  void missingRunDirectoryHasNoLeftovers() throws IOException {
    assertThat(run.leftovers(SELF)).isEmpty();
    assertThat(run.cleanLeftovers(Duration.ofSeconds(1), SELF)).isEmpty();
  }

  @Test
  @DisabledOnOs(
      value = OS.WINDOWS,
      disabledReason = "destroy() is forcible on Windows: no stop hooks")
  void workersAreEndedBeforeMasters() throws IOException {
    Path exits = home.resolve("exits.txt");
    Process master = ourChild("--exit-log", exits.toString(), "master");
    Process worker = ourChild("--exit-log", exits.toString(), "worker");
    run.record("master", master.toHandle());
    run.record("worker", worker.toHandle());

    assertThat(run.leftovers(SELF))
        .extracting(ProcessHandle::pid)
        .containsExactly(worker.pid(), master.pid());

    List<Long> ended = run.cleanLeftovers(Duration.ofSeconds(10), SELF);

    assertThat(ended).containsExactly(worker.pid(), master.pid());
    assertThat(Files.readAllLines(exits)).containsExactly("worker", "master");
  }

  @Test
  @DisabledOnOs(
      value = OS.WINDOWS,
      disabledReason = "destroy() is forcible on Windows: no stop hooks")
  void processIgnoringTheStopRequestIsKilledAfterTheGrace() throws IOException {
    Process stubborn = ourChild("--ignore-stop");
    run.record("worker", stubborn.toHandle());
    Duration grace = Duration.ofMillis(700);

    long startNanos = System.nanoTime();
    List<Long> ended = run.cleanLeftovers(grace, SELF);
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

    assertThat(ended).containsExactly(stubborn.pid());
    assertThat(stubborn.isAlive()).isFalse();
    assertThat(took).isGreaterThanOrEqualTo(grace);
  }

  @Test
  void removeStaleDeletesWhatAKilledMasterLeftButEndsNothing() throws Exception {
    Process dead = ourChild();
    run.record("worker", dead.toHandle());
    dead.destroyForcibly(); // as kill -9: nothing deleted its pid file
    assertThat(dead.waitFor(10, TimeUnit.SECONDS)).isTrue();
    Process alive = ourChild();
    run.record("worker", alive.toHandle());
    Path halfWritten = layout.runDir().resolve(".master-" + dead.pid() + ".pid.123456.tmp");
    Files.writeString(halfWritten, "12");
    Path writingNow = layout.runDir().resolve(".worker-" + alive.pid() + ".pid.654321.tmp");
    Files.writeString(writingNow, "34");

    run.removeStale();

    assertThat(pidFile("worker", dead.pid())).doesNotExist();
    assertThat(halfWritten).doesNotExist();
    assertThat(alive.isAlive()).isTrue();
    assertThat(pidFile("worker", alive.pid())).exists();
    assertThat(writingNow).exists();
  }

  @Test
  void aPidFileOfAnEarlierProcessWithThisPidIsStale() throws IOException {
    layout.createDirectories();
    Files.writeString(pidFile("worker", SELF), SELF + "\n12345\n");

    run.removeStale();

    assertThat(pidFile("worker", SELF)).doesNotExist();
  }

  @Test
  void roleMustBeLowerCaseLettersAndDigits() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> run.recordSelf("Worker-2"))
        .withMessageContaining("\"Worker-2\"");
  }
}
