package org.libreconnect.master.worker;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.libreconnect.protocol.link.LinkMessages;
import org.libreconnect.runtime.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the connector's own workers get their classes ready before {@code main} (ADR 0025, 0030).
 *
 * <p>By default through the dynamic class-data archive the first worker to exit writes ({@link
 * WorkerCommandLine#classSharingOptions}), with the same stamp as the AOT cache: an archive made
 * from other jars or another JDK is deleted, and written again. With the master's {@value
 * #AOT_PROPERTY} set and a JDK 25 or newer, through the JDK's AOT cache ({@code -XX:AOTCache}, JEP 483/514/515) instead, which
 * measured slower to a worker's hello (ADR 0030): classes loaded and linked, and method profiles,
 * as a worker of this installation used them. One
 * worker at a time trains it ({@code -XX:AOTCacheOutput}): when that worker exits normally its
 * JVM writes the cache to a file of its own, which is then moved in place with a stamp of what it
 * was made from (the JDK and every class path entry's size and time). A cache whose stamp no
 * longer matches (a new JDK, an updated jar) is trained again. While a cache is being trained,
 * workers use the dynamic archive.
 *
 * <p>The dynamic archive is layered on a base archive of the installation's own ({@link
 * SharedClassBase}, ADR 0037), made here before the first worker that needs it and made again,
 * at a new address, with each new dynamic archive; both are then mapped at the address recorded
 * in them, shared by every worker. Without that base (turned off, another platform, or a dump that
 * failed) the dynamic archive is layered on the JDK's own and each worker relocates it.
 *
 * <p>Only for class paths of jars (a distribution, {@code ./run.sh}), and never for workers of
 * another account, who can neither read nor write the connector's data folder.
 */
final class WorkerClassData {
  private static final Logger log = LoggerFactory.getLogger(WorkerClassData.class);
  static final String AOT_CACHE = "worker.aot";
  static final String AOT_STAMP = "worker.aot.stamp";
  static final String AOT_TRAINING = "worker.aot.training";
  /** What the dynamic archive was made from, in the form of {@link #stamp()}. */
  static final String ARCHIVE_STAMP = WorkerCommandLine.CLASS_ARCHIVE + ".stamp";
  /** The master's system property that turns the AOT cache on. */
  static final String AOT_PROPERTY = "libreconnect.workers.aotCache";
  /** Exit values of a worker whose JVM ended through {@code System.exit}, so wrote its cache whole. */
  static final List<Integer> ORDERLY_EXITS = List.of(0, LinkMessages.EXIT_REPLACE_ME);
  /**
   * Exit values of a JVM ended by the signal of a fault (128 + SIGILL, SIGABRT, SIGBUS, SIGFPE,
   * SIGSEGV): the JVM's crash handler ends with SIGABRT after writing its error report.
   */
  static final List<Integer> CRASH_EXITS = List.of(132, 134, 135, 136, 139);
  /**
   * Exit values of a JVM that ran its exit, hence wrote its dynamic archive: {@link
   * #ORDERLY_EXITS}, and the end asked by SIGINT or SIGTERM (a service manager's stop).
   */
  static final List<Integer> ARCHIVING_EXITS = List.of(0, LinkMessages.EXIT_REPLACE_ME, 130, 143);

  /**
   * How long the training worker may take to exit when asked: its JVM assembles the cache then
   * (seconds; within the service's 20 s stop timeout).
   */
  static final java.time.Duration TRAINER_STOP_GRACE = java.time.Duration.ofSeconds(15);

  private final Path dataDir;
  private final String classPath;
  private final Runtime.Version jdk;
  private final boolean aotCache;
  private final SharedClassBase.Maker baseMaker;
  private final RandomGenerator random;
  private Integer trainer;
  private boolean baseFailed;
  /** Workers started without a dynamic archive: their JVM writes it when they exit. */
  private final java.util.Set<Integer> writers = new java.util.HashSet<>();

  /**
   * Workers without a base archive of the installation's own.
   *
   * @param aotCache whether to use the AOT cache when the JDK has it (the master's system property
   *     {@value #AOT_PROPERTY}; off by default, see ADR 0030)
   */
  WorkerClassData(Path dataDir, String classPath, Runtime.Version jdk, boolean aotCache) {
    this(dataDir, classPath, jdk, aotCache, null, null);
  }

  /**
   * @param baseMaker makes the base archive ({@link SharedClassBase}); null for none
   * @param random draws the base archive's address
   */
  WorkerClassData(Path dataDir, String classPath, Runtime.Version jdk, boolean aotCache,
      SharedClassBase.Maker baseMaker, RandomGenerator random) {
    this.dataDir = dataDir;
    this.classPath = classPath;
    this.jdk = jdk;
    this.aotCache = aotCache;
    this.baseMaker = baseMaker;
    this.random = random;
  }

  /** Whether this JDK has the AOT cache in the form used here (one-step training, JDK 25). */
  static boolean aotCacheAvailable(Runtime.Version jdk) {
    return jdk.feature() >= 25;
  }

  /**
   * What worker {@code workerId} starts with, and its name for the logs: {@code aot}, {@code
   * aot-training}, {@code archive} (the dynamic archive mapped), {@code archive-to-write} (written
   * when the worker exits), each of these two with {@code shared-} before it when laid on the
   * installation's base archive, or {@code none}.
   * Blocking (reads files, and may dump the base archive, about a second): starter thread only.
   */
  synchronized Choice choose(int workerId) {
    if (!WorkerCommandLine.canShareClasses(classPath)) {
      return new Choice("none", List.of());
    }
    if (aotCache && aotCacheAvailable(jdk)) {
      Path cache = dataDir.resolve(AOT_CACHE);
      if (Files.isRegularFile(cache) && stamp().equals(readStamp())) {
        return new Choice("aot", List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"));
      }
      if (trainer == null) {
        trainer = workerId;
        deleteTraining();
        return new Choice("aot-training",
            List.of("-XX:AOTCacheOutput=" + dataDir.resolve(AOT_TRAINING), "-Xlog:aot=off", "-Xlog:cds=off"));
      }
    }
    Path archive = dataDir.resolve(WorkerCommandLine.CLASS_ARCHIVE);
    String name = currentArchive(archive) ? "archive" : "archive-to-write";
    if (name.equals("archive-to-write")) {
      writers.add(workerId);
    }
    Path base = dataDir.resolve(SharedClassBase.FILE);
    if (baseMaker != null && (Files.isRegularFile(base) || makeBase(base))) {
      return new Choice("shared-" + name, SharedClassBase.workerOptions(base, archive, jdk));
    }
    return new Choice(name, WorkerCommandLine.classSharingOptions(archive));
  }

  /**
   * Makes the base archive at a newly drawn address, once: after a failure, workers of this
   * master run on the JDK's base (the failure is logged, not retried at each start).
   */
  private boolean makeBase(Path base) {
    if (baseFailed) {
      return false;
    }
    long started = System.nanoTime();
    try {
      baseMaker.make(base, SharedClassBase.drawAddress(random));
      log.info("worker.classes.base made ms={} bytes={}",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Files.size(base));
      return true;
    } catch (IOException e) {
      baseFailed = true;
      log.warn("worker.classes.base.failed error=\"{}\" effect=\"each worker relocates its class data\"", e.getMessage());
      return false;
    }
  }

  /**
   * Whether the dynamic archive is there and made from this class path and JDK. The JVM only
   * stops using an archive whose jars changed (an upgrade, a rebuild) and does not write it again
   * while the file is there: a stale one is deleted here, so that the next worker to exit writes
   * a current one, and the stamp of what it will be made from is written beside it. The base
   * archive goes with it, to be made again at a new address: both are made from the same JDK.
   */
  private boolean currentArchive(Path archive) {
    String stamp = stamp() + "base=" + (baseMaker == null ? "jdk" : "installation") + '\n';
    Path stampFile = dataDir.resolve(ARCHIVE_STAMP);
    boolean sameMaking = stamp.equals(read(stampFile));
    if (sameMaking && Files.isRegularFile(archive)) {
      return true;
    }
    try {
      if (Files.deleteIfExists(archive)) {
        log.info("worker.archive.stale file={} reason=\"made from other jars or another JDK\"", archive.getFileName());
      }
      if (!sameMaking) {
        Files.deleteIfExists(dataDir.resolve(SharedClassBase.FILE));
        AtomicFiles.write(stampFile, stamp.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the JVM runs without the archive, as it does with a stale one
      log.warn("worker.archive.renew.failed error=\"{}\"", e.toString());
    }
    return false;
  }

  /** A worker's class-data options and their name. */
  record Choice(String name, List<String> options) {}

  /** Whether worker {@code workerId} trains the cache. */
  synchronized boolean isTraining(int workerId) {
    return trainer != null && trainer == workerId;
  }

  /**
   * Worker {@code workerId}'s process ended with {@code exitValue}. The dynamic archive its JVM
   * wrote as it exited is kept only if the worker was at work ({@code atWork}: it rehearsed or
   * served an application); one that exited right after its start would leave an archive of its
   * start only, which every later worker would map until the next upgrade, loading the rest from
   * the jars. A crash moves the class data of the workers started next to a new address ({@link
   * #redrawAfterCrash}). Blocking: not on an event loop.
   */
  synchronized void exited(int workerId, int exitValue, boolean atWork) {
    if (writers.remove(workerId) && !atWork && ARCHIVING_EXITS.contains(exitValue)) {
      discardEarlyArchive(workerId);
    }
    if (baseMaker != null && CRASH_EXITS.contains(exitValue)) {
      redrawAfterCrash(workerId, exitValue);
    }
    if (trainer == null || trainer != workerId) {
      return;
    }
    trainer = null;
    Path training = dataDir.resolve(AOT_TRAINING);
    try {
      if (ORDERLY_EXITS.contains(exitValue) && Files.isRegularFile(training) && Files.size(training) > 0) {
        Files.move(training, dataDir.resolve(AOT_CACHE), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.write(dataDir.resolve(AOT_STAMP), stamp().getBytes(StandardCharsets.UTF_8));
        log.info("worker.aot.ready worker={} bytes={}", workerId, Files.size(dataDir.resolve(AOT_CACHE)));
      } else {
        deleteTraining();
        log.info("worker.aot.discarded worker={} exit={}", workerId, exitValue);
      }
    } catch (IOException e) {
      deleteTraining();
      log.warn("worker.aot.failed worker={} error=\"{}\"", workerId, e.toString());
    }
  }

  private void discardEarlyArchive(int workerId) {
    try {
      if (Files.deleteIfExists(dataDir.resolve(WorkerCommandLine.CLASS_ARCHIVE))) {
        log.info("worker.archive.discarded worker={} reason=\"written by a worker that exited before it was at work\"",
            workerId);
      }
    } catch (IOException e) {
      log.warn("worker.archive.discard.failed worker={} error=\"{}\"", workerId, e.toString());
    }
  }

  /**
   * Deletes the base archive and the dynamic archive laid on it, so that the next worker start
   * makes them again at a newly drawn address: a worker that crashed may have been made to, and
   * whatever address it let out then no longer holds for the workers started after it (ADR 0037).
   * The workers still running keep their mapping.
   */
  private void redrawAfterCrash(int workerId, int exitValue) {
    try {
      Files.deleteIfExists(dataDir.resolve(WorkerCommandLine.CLASS_ARCHIVE));
      if (Files.deleteIfExists(dataDir.resolve(SharedClassBase.FILE))) {
        log.warn("worker.classes.redraw worker={} exit={} effect=\"the next workers' class data goes to a new address\"",
            workerId, exitValue);
      }
    } catch (IOException e) {
      log.warn("worker.classes.redraw.failed worker={} error=\"{}\"", workerId, e.toString());
    }
  }

  /** What a cache is made from: the JDK, and each class path entry with its size and time. */
  String stamp() {
    StringBuilder stamp = new StringBuilder("jdk=").append(jdk).append('\n');
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path jar = Path.of(entry);
      try {
        stamp.append(entry).append(' ').append(Files.size(jar)).append(' ')
            .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
      } catch (IOException e) {
        stamp.append(entry).append(" missing\n");
      }
    }
    return stamp.toString();
  }

  private String readStamp() {
    return read(dataDir.resolve(AOT_STAMP));
  }

  private static String read(Path stamp) {
    try {
      return Files.readString(stamp, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The training's output and the configuration the JVM keeps beside it while it assembles. */
  private void deleteTraining() {
    deleteQuietly(dataDir.resolve(AOT_TRAINING));
    deleteQuietly(dataDir.resolve(AOT_TRAINING + ".config"));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("worker.aot.delete.failed file={} error=\"{}\"", file.getFileName(), e.toString());
    }
  }
}
