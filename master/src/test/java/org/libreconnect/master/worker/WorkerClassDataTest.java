package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerClassDataTest {
  private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3");

  @TempDir Path dir;
  private Path data;
  private Path jar;
  private String classPath;

  @BeforeEach
  void jars() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    jar = Files.writeString(dir.resolve("worker.jar"), "classes");
    classPath = jar + File.pathSeparator + Files.writeString(dir.resolve("netty.jar"), "more classes");
  }

  @Test
  void oneWorkerTrainsTheCacheWhileTheOthersUseTheDynamicArchive() throws Exception {
    WorkerClassData classes = new WorkerClassData(data, classPath, JDK_25, true);

    assertThat(classes.choose(1).options()).contains("-XX:AOTCacheOutput=" + data.resolve(WorkerClassData.AOT_TRAINING));
    assertThat(classes.choose(2).options()).contains("-XX:+AutoCreateSharedArchive").noneMatch(o -> o.startsWith("-XX:AOT"));

    Files.writeString(data.resolve(WorkerClassData.AOT_TRAINING), "the JVM's cache");
    classes.exited(2, 0, true);
    assertThat(data.resolve(WorkerClassData.AOT_CACHE)).as("not the trainer's exit").doesNotExist();
    classes.exited(1, 0, true);

    assertThat(data.resolve(WorkerClassData.AOT_CACHE)).hasContent("the JVM's cache");
    assertThat(data.resolve(WorkerClassData.AOT_TRAINING)).doesNotExist();
    assertThat(classes.choose(3).options()).containsExactly(
        "-XX:AOTCache=" + data.resolve(WorkerClassData.AOT_CACHE), "-Xlog:aot=off", "-Xlog:cds=off");
    assertThat(new WorkerClassData(data, classPath, JDK_25, true).choose(1).options())
        .as("after a restart of the master").contains("-XX:AOTCache=" + data.resolve(WorkerClassData.AOT_CACHE));
  }

  @Test
  void aTrainerThatDidNotEndNormallyLeavesNoCacheAndTheNextWorkerTrains() throws Exception {
    WorkerClassData classes = new WorkerClassData(data, classPath, JDK_25, true);
    classes.choose(1).options();
    Files.writeString(data.resolve(WorkerClassData.AOT_TRAINING), "half a cache");
    Files.writeString(data.resolve(WorkerClassData.AOT_TRAINING + ".config"), "the JVM's configuration");
    assertThat(classes.isTraining(1)).isTrue();

    classes.exited(1, 137, true);

    assertThat(data.resolve(WorkerClassData.AOT_CACHE)).doesNotExist();
    assertThat(data.resolve(WorkerClassData.AOT_TRAINING)).doesNotExist();
    assertThat(data.resolve(WorkerClassData.AOT_TRAINING + ".config")).doesNotExist();
    assertThat(classes.isTraining(1)).isFalse();
    assertThat(classes.choose(2).options()).contains("-XX:AOTCacheOutput=" + data.resolve(WorkerClassData.AOT_TRAINING));
  }

  @Test
  void aChangedJarOrJdkMakesTheCacheStaleAndItIsTrainedAgain() throws Exception {
    WorkerClassData classes = new WorkerClassData(data, classPath, JDK_25, true);
    classes.choose(1).options();
    Files.writeString(data.resolve(WorkerClassData.AOT_TRAINING), "cache");
    classes.exited(1, 0, true);
    assertThat(classes.choose(2).options()).anyMatch(o -> o.startsWith("-XX:AOTCache="));

    assertThat(new WorkerClassData(data, classPath, Runtime.Version.parse("25.0.4"), true).choose(3).options())
        .as("another JDK").anyMatch(o -> o.startsWith("-XX:AOTCacheOutput="));
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    assertThat(classes.choose(4).options()).as("an updated jar").anyMatch(o -> o.startsWith("-XX:AOTCacheOutput="));
  }

  @Test
  void anArchiveMadeFromOtherJarsIsDeletedSoThatTheNextWorkerWritesItAgain() throws Exception {
    Path archive = data.resolve(WorkerCommandLine.CLASS_ARCHIVE);
    WorkerClassData classes = new WorkerClassData(data, classPath, JDK_25, false);
    assertThat(classes.choose(1).name()).isEqualTo("archive-to-write");
    Files.writeString(archive, "the JVM's archive"); // the worker exited
    assertThat(classes.choose(2).name()).isEqualTo("archive");
    assertThat(new WorkerClassData(data, classPath, JDK_25, false).choose(1).name())
        .as("after a restart of the master").isEqualTo("archive");
    assertThat(archive).exists();

    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // an upgrade
    WorkerClassData upgraded = new WorkerClassData(data, classPath, JDK_25, false);
    assertThat(upgraded.choose(1).name()).isEqualTo("archive-to-write");
    assertThat(archive).as("the JVM would keep the stale file and never write it again").doesNotExist();
    assertThat(upgraded.choose(2).options()).isEqualTo(WorkerCommandLine.classSharingOptions(archive));
    Files.writeString(archive, "the new archive");
    assertThat(upgraded.choose(3).name()).isEqualTo("archive");

    assertThat(new WorkerClassData(data, classPath, Runtime.Version.parse("25.0.4"), false).choose(1).name())
        .as("another JDK").isEqualTo("archive-to-write");
    assertThat(archive).doesNotExist();
  }

  @Test
  void anArchiveWithoutAStampFromAnEarlierVersionIsWrittenAgain() throws Exception {
    Path archive = Files.writeString(data.resolve(WorkerCommandLine.CLASS_ARCHIVE), "an archive of unknown origin");
    assertThat(new WorkerClassData(data, classPath, JDK_25, false).choose(1).name()).isEqualTo("archive-to-write");
    assertThat(archive).doesNotExist();
    assertThat(data.resolve(WorkerClassData.ARCHIVE_STAMP)).content().contains(jar.toString());
  }

  @Test
  void withoutTheSwitchWorkersUseTheDynamicArchive() {
    assertThat(new WorkerClassData(data, classPath, JDK_25, false).choose(1).options())
        .isEqualTo(WorkerCommandLine.classSharingOptions(data.resolve(WorkerCommandLine.CLASS_ARCHIVE)));
  }

  @Test
  void anOlderJdkUsesTheDynamicArchiveAndClassFoldersNothing() {
    assertThat(new WorkerClassData(data, classPath, Runtime.Version.parse("21.0.5"), true).choose(1).options())
        .isEqualTo(WorkerCommandLine.classSharingOptions(data.resolve(WorkerCommandLine.CLASS_ARCHIVE)));
    assertThat(new WorkerClassData(data, classPath + File.pathSeparator + dir.resolve("classes"), JDK_25, true).choose(1).options())
        .isEmpty();
  }

  /** A base maker that writes a file naming its address, as the JDK's dump would write an archive. */
  private final List<Long> drawn = new ArrayList<>();

  private SharedClassBase.Maker recordingMaker() {
    return (target, address) -> {
      drawn.add(address);
      Files.writeString(target, Long.toHexString(address));
    };
  }

  @Test
  void theBaseArchiveIsMadeOnceAndBothArchivesAreMappedAtTheirAddress() throws Exception {
    WorkerClassData classes = new WorkerClassData(data, classPath, JDK_25, false, recordingMaker(), new SplittableRandom(7));
    Path base = data.resolve(SharedClassBase.FILE);
    Path archive = data.resolve(WorkerCommandLine.CLASS_ARCHIVE);

    WorkerClassData.Choice first = classes.choose(1);
    assertThat(first.name()).isEqualTo("shared-archive-to-write");
    assertThat(first.options()).isEqualTo(SharedClassBase.workerOptions(base, archive, JDK_25))
        .contains("-XX:SharedArchiveFile=" + base + File.pathSeparator + archive, "-XX:+AutoCreateSharedArchive",
            "-XX:ArchiveRelocationMode=0");
    Files.writeString(archive, "the JVM's archive"); // the worker exited
    assertThat(classes.choose(2).name()).isEqualTo("shared-archive");
    assertThat(new WorkerClassData(data, classPath, JDK_25, false, recordingMaker(), new SplittableRandom(8)).choose(1).name())
        .as("after a restart of the master").isEqualTo("shared-archive");
    assertThat(drawn).hasSize(1);
    assertThat(drawn.get(0)).isBetween(SharedClassBase.LOWEST_ADDRESS, SharedClassBase.HIGHEST_ADDRESS - 1);
  }

  @Test
  void anUpgradeMakesBothArchivesAgainAtANewAddress() throws Exception {
    Path base = data.resolve(SharedClassBase.FILE);
    Path archive = data.resolve(WorkerCommandLine.CLASS_ARCHIVE);
    new WorkerClassData(data, classPath, JDK_25, false, recordingMaker(), new SplittableRandom(1)).choose(1);
    Files.writeString(archive, "the JVM's archive");

    WorkerClassData upgraded =
        new WorkerClassData(data, classPath, Runtime.Version.parse("25.0.4"), false, recordingMaker(), new SplittableRandom(2));
    assertThat(upgraded.choose(1).name()).isEqualTo("shared-archive-to-write");
    assertThat(archive).doesNotExist();
    assertThat(drawn).hasSize(2).doesNotHaveDuplicates();
    assertThat(base).hasContent(Long.toHexString(drawn.get(1)));
  }

  @Test
  void anArchiveMadeOnTheJdksBaseIsWrittenAgainOnTheInstallations() throws Exception {
    Path archive = data.resolve(WorkerCommandLine.CLASS_ARCHIVE);
    new WorkerClassData(data, classPath, JDK_25, false).choose(1);
    Files.writeString(archive, "an archive on the JDK's base");

    assertThat(new WorkerClassData(data, classPath, JDK_25, false, recordingMaker(), new SplittableRandom(3)).choose(1).name())
        .isEqualTo("shared-archive-to-write");
    assertThat(archive).doesNotExist();
    assertThat(new WorkerClassData(data, classPath, JDK_25, false).choose(1).name())
        .as("and back: the installation's base is deleted with it").isEqualTo("archive-to-write");
    assertThat(data.resolve(SharedClassBase.FILE)).doesNotExist();
  }

  @Test
  void aFailedDumpLeavesWorkersOnTheJdksBaseAndIsNotRetriedAtEachStart() throws Exception {
    List<Long> attempts = new ArrayList<>();
    SharedClassBase.Maker failing = (target, address) -> {
      attempts.add(address);
      throw new java.io.IOException("the JDK's class-data dump ended with 1");
    };
    WorkerClassData classes = new WorkerClassData(data, classPath, JDK_25, false, failing, new SplittableRandom(4));
    Path archive = data.resolve(WorkerCommandLine.CLASS_ARCHIVE);

    assertThat(classes.choose(1).options()).isEqualTo(WorkerCommandLine.classSharingOptions(archive));
    assertThat(classes.choose(2).options()).isEqualTo(WorkerCommandLine.classSharingOptions(archive));
    assertThat(attempts).hasSize(1);
    assertThat(data.resolve(SharedClassBase.FILE)).doesNotExist();
  }

  @Test
  void aWorkerThatCrashedMovesTheNextWorkersClassDataToANewAddress() throws Exception {
    WorkerClassData classes = new WorkerClassData(data, classPath, JDK_25, false, recordingMaker(), new SplittableRandom(5));
    Path archive = data.resolve(WorkerCommandLine.CLASS_ARCHIVE);
    classes.choose(1);
    Files.writeString(archive, "the JVM's archive");

    classes.exited(1, 137, true); // killed by the master: no fault
    classes.exited(1, 0, true);
    assertThat(classes.choose(2).name()).isEqualTo("shared-archive");
    assertThat(drawn).hasSize(1);

    classes.exited(2, 134, true); // the JVM's crash handler
    assertThat(archive).doesNotExist();
    assertThat(classes.choose(3).name()).isEqualTo("shared-archive-to-write");
    assertThat(drawn).hasSize(2).doesNotHaveDuplicates();
    assertThat(data.resolve(SharedClassBase.FILE)).hasContent(Long.toHexString(drawn.get(1)));
  }

  @Test
  void anArchiveWrittenByAWorkerThatExitedBeforeItWasAtWorkIsDiscarded() throws Exception {
    WorkerClassData classes = new WorkerClassData(data, classPath, JDK_25, false);
    Path archive = data.resolve(WorkerCommandLine.CLASS_ARCHIVE);
    assertThat(classes.choose(1).name()).isEqualTo("archive-to-write");
    assertThat(classes.choose(2).name()).isEqualTo("archive-to-write");

    Files.writeString(archive, "the classes of a start"); // worker 1 stopped before its rehearsal
    classes.exited(1, 0, false);
    assertThat(archive).as("so that a worker at work writes it").doesNotExist();

    Files.writeString(archive, "the classes of a worker at work");
    classes.exited(2, 0, true);
    assertThat(archive).hasContent("the classes of a worker at work");
    assertThat(classes.choose(3).name()).isEqualTo("archive");

    classes.exited(3, 0, false);
    assertThat(archive).as("a worker that mapped the archive writes none").exists();
  }

  @Test
  void aWorkerKilledBeforeItWasAtWorkLeavesTheArchiveOfAnother() throws Exception {
    WorkerClassData classes = new WorkerClassData(data, classPath, JDK_25, false);
    Path archive = data.resolve(WorkerCommandLine.CLASS_ARCHIVE);
    classes.choose(1);
    classes.choose(2);
    Files.writeString(archive, "the classes of a worker at work");
    classes.exited(2, 0, true);

    classes.exited(1, 137, false); // a killed JVM writes nothing
    assertThat(archive).hasContent("the classes of a worker at work");
  }
}
