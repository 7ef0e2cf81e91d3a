package org.libreconnect.runtime;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pid files of an installation's processes, used at start-up to end the processes a crashed
 * master left behind.
 *
 * <p>A recorded process counts as a leftover only while it is alive, started at the recorded
 * instant (when both instants are known) and carries {@link #homeMarker(Path)} on its command line;
 * any other pid file is stale and deleted, so a pid reused by another program is never touched.
 */
public final class RunDirectory {

  /** How long to wait for a process to disappear after a forcible kill. */
  private static final Duration FORCED_EXIT_WAIT = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(RunDirectory.class);

  private final InstallationLayout layout;
  private final String marker;

  public RunDirectory(InstallationLayout layout) {
    this.layout = layout;
    this.marker = homeMarker(layout.home());
  }

  /**
   * The argument that marks a process as belonging to the installation at {@code home}: {@code
   * -Dlibreconnect.home=<absolute home>}. Launchers put it on every command line they build.
   */
  public static String homeMarker(Path home) {
    return "-D" + InstallationLayout.HOME_PROPERTY + "=" + home.toAbsolutePath().normalize();
  }

  /** The directory holding the pid files. */
  public Path directory() {
    return layout.runDir();
  }

  /** Records the current process as {@code <role>-<pid>.pid}, such as {@code master-4242.pid}. */
  public void recordSelf(String role) throws IOException {
    record(role, ProcessHandle.current());
  }

  /**
   * Records a process with its start instant, replacing any earlier file for the same role and pid.
   *
   * @param role lower-case letters and digits, such as {@code master} or {@code worker}
   */
  public void record(String role, ProcessHandle process) throws IOException {
    PidFile pidFile = PidFile.of(role, process);
    layout.createRunDirectory();
    Path target = directory().resolve(pidFile.fileName());
    AtomicFiles.write(target, pidFile.content().getBytes(StandardCharsets.UTF_8));
  }

  /** Deletes the pid file of a process, whatever its role; nothing happens when there is none. */
  public void forget(long pid) throws IOException {
    for (Path file : pidFiles("*-" + pid + PidFile.SUFFIX)) {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Deletes what a master killed without warning ({@code kill -9}, a power cut) leaves in the run
   * directory, without ending any process: the pid files of processes that have exited or whose
   * pid now belongs to another program, and the temporary files of a pid file write cut short.
   * Files of processes still running stay, for {@link #cleanLeftovers}. Call it at start, whether
   * or not leftovers are cleaned.
   */
  public void removeStale() throws IOException {
    findLeftovers(-1);
    for (Path temp : pidFiles(".*" + PidFile.SUFFIX + ".*" + AtomicFiles.TEMP_SUFFIX)) {
      if (!writerMayBeAlive(temp.getFileName().toString())) {
        deleteStale(temp, "temporary file of an interrupted write");
      }
    }
  }

  /** Whether the process a temporary pid file names, {@code .<role>-<pid>.pid.<random>.tmp}, runs. */
  private static boolean writerMayBeAlive(String tempName) {
    int end = tempName.indexOf(PidFile.SUFFIX + ".");
    int start = tempName.lastIndexOf('-', end);
    if (end < 0 || start < 0) {
      return false;
    }
    try {
      long pid = Long.parseLong(tempName.substring(start + 1, end));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The recorded processes still running, workers first, leaving out {@code exceptPid} and the
   * current process. Stale pid files are deleted on the way.
   */
  public List<ProcessHandle> leftovers(long exceptPid) throws IOException {
    return findLeftovers(exceptPid).stream().map(Leftover::process).toList();
  }

  /**
   * Ends every leftover: first the workers, then the others. Each group is asked to stop ({@link
   * ProcessHandle#destroy()}), given up to {@code grace} to exit, then killed ({@link
   * ProcessHandle#destroyForcibly()}). The pid files of the ended processes are deleted.
   *
   * <p>Call it only once this process owns the installation (a second master would otherwise end
   * the first) and before it starts any worker.
   *
   * @return the pids of the processes that were ended
   */
  public List<Long> cleanLeftovers(Duration grace, long exceptPid) throws IOException {
    List<Leftover> leftovers = findLeftovers(exceptPid);
    List<Long> ended = new ArrayList<>();
    ended.addAll(end(leftovers.stream().filter(l -> l.pidFile().isWorker()).toList(), grace));
    ended.addAll(end(leftovers.stream().filter(l -> !l.pidFile().isWorker()).toList(), grace));
    return ended;
  }

  private List<Long> end(List<Leftover> group, Duration grace) throws IOException {
    for (Leftover leftover : group) {
      log.info(
          "process.leftover.stopping role={} pid={}", leftover.pidFile().role(), leftover.pid());
      leftover.process().destroy();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    List<Long> ended = new ArrayList<>();
    for (Leftover leftover : group) {
      boolean exited =
          awaitExit(leftover.process(), Duration.ofNanos(deadline - System.nanoTime()));
      if (!exited) {
        log.warn(
            "process.leftover.killing role={} pid={} reason=\"still running {} ms after the stop"
                + " request\"",
            leftover.pidFile().role(),
            leftover.pid(),
            grace.toMillis());
        leftover.process().destroyForcibly();
        exited = awaitExit(leftover.process(), FORCED_EXIT_WAIT);
      }
      if (exited) {
        Files.deleteIfExists(leftover.file());
        ended.add(leftover.pid());
      } else {
        log.warn(
            "process.leftover.survived role={} pid={}", leftover.pidFile().role(), leftover.pid());
      }
    }
    return ended;
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    if (!process.isAlive()) {
      return true;
    }
    try {
      process.onExit().get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    }
  }

  private List<Leftover> findLeftovers(long exceptPid) throws IOException {
    long self = ProcessHandle.current().pid();
    List<Leftover> leftovers = new ArrayList<>();
    for (Path file : pidFiles("*" + PidFile.SUFFIX)) {
      Optional<PidFile> pidFile = read(file);
      if (pidFile.isEmpty()) {
        deleteStale(file, "not a pid file we wrote");
        continue;
      }
      long pid = pidFile.get().pid();
      if (pid == self && !pidFile.get().startMatches(ProcessHandle.current().info().startInstant())) {
        deleteStale(file, "pid was an earlier process's, now reused by this one");
        continue;
      }
      if (pid == exceptPid || pid == self) {
        continue;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (process.isEmpty()) {
        deleteStale(file, "process has exited");
      } else if (!pidFile.get().startMatches(process.get().info().startInstant())) {
        deleteStale(file, "pid now belongs to a process started at another instant");
      } else if (!ProcessCommandLine.has(process.get(), marker)) {
        deleteStale(file, "pid now belongs to a process without " + marker);
      } else {
        leftovers.add(new Leftover(file, pidFile.get(), process.get()));
      }
    }
    leftovers.sort(
        Comparator.comparing((Leftover l) -> !l.pidFile().isWorker()).thenComparing(Leftover::pid));
    return leftovers;
  }

  private static Optional<PidFile> read(Path file) throws IOException {
    try {
      if (Files.size(file) > 256) {
        return Optional.empty();
      }
      String content = Files.readString(file, StandardCharsets.UTF_8);
      return PidFile.parse(file.getFileName().toString(), content);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static void deleteStale(Path file, String reason) throws IOException {
    log.debug("process.pidfile.stale file={} reason=\"{}\"", file.getFileName(), reason);
    Files.deleteIfExists(file);
  }

  private List<Path> pidFiles(String glob) throws IOException {
    if (!Files.isDirectory(directory())) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory(), glob)) {
      stream.forEach(files::add);
    }
    return files;
  }

  /** A recorded process found running. */
  private record Leftover(Path file, PidFile pidFile, ProcessHandle process) {
    long pid() {
      return pidFile.pid();
    }
  }
}
