package org.libreconnect.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes old worker log folders, {@code logs/sessions/<name>/}, when the master starts: those
 * last written longer ago than a maximum age, and the oldest beyond a maximum count. A folder named
 * on the command line of a running process of this installation (a worker still alive) is never
 * deleted and counts as kept.
 *
 * <p>Only folders named with letters and digits, as {@link
 * InstallationLayout#createSessionLogDirectory} makes them, are considered; symbolic links and
 * anything else are left alone.
 */
public final class SessionLogPruner {

  private static final Logger log = LoggerFactory.getLogger(SessionLogPruner.class);
  private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9]+");

  private final InstallationLayout layout;
  private final Clock clock;
  private final Predicate<Path> inUse;

  /** A pruner that spares the folders of the running processes of {@code layout}'s home. */
  public SessionLogPruner(InstallationLayout layout, Clock clock) {
    this(layout, clock, namedByRunningProcesses(RunDirectory.homeMarker(layout.home())));
  }

  SessionLogPruner(InstallationLayout layout, Clock clock, Predicate<Path> inUse) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.inUse = Objects.requireNonNull(inUse, "inUse");
  }

  /**
   * Deletes the folders last written more than {@code maxAge} ago, then the oldest beyond {@code
   * maxFolders}. A folder that cannot be deleted is logged and skipped.
   *
   * Housekeeping never stops a start: when the sessions directory cannot be listed, that is
   * logged and nothing is deleted.
   *
   * @return the folders deleted
   */
  public List<Path> prune(Duration maxAge, int maxFolders) {
    if (maxFolders < 1 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("keep at least one folder for a positive age");
    }
    Instant oldestKept = clock.instant().minus(maxAge);
    List<Folder> folders;
    try {
      folders = folders();
    } catch (IOException e) {
      log.warn("logs.sessions.prune.failed error=\"{}\"", e.toString());
      return List.of();
    }
    folders.sort(Comparator.comparing(Folder::lastWritten).reversed());
    List<Folder> idle = folders.stream().filter(folder -> !inUse.test(folder.path())).toList();
    int kept = folders.size() - idle.size();
    List<Path> deleted = new ArrayList<>();
    for (Folder folder : idle) {
      if (kept < maxFolders && !folder.lastWritten().isBefore(oldestKept)) {
        kept++;
      } else if (delete(folder.path())) {
        deleted.add(folder.path());
      }
    }
    if (!deleted.isEmpty()) {
      log.info("logs.sessions.pruned deleted={} kept={}", deleted.size(), kept);
    }
    return deleted;
  }

  private List<Folder> folders() throws IOException {
    Path sessions = layout.sessionsLogDir();
    List<Folder> folders = new ArrayList<>();
    if (!Files.isDirectory(sessions, LinkOption.NOFOLLOW_LINKS)) {
      return folders;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(sessions)) {
      for (Path path : stream) {
        if (FOLDER_NAME.matcher(path.getFileName().toString()).matches()
            && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          try {
            folders.add(new Folder(path, lastWritten(path)));
          } catch (NoSuchFileException gone) {
            // deleted meanwhile
          }
        }
      }
    }
    return folders;
  }

  /** The newest modification time of the folder and of the files directly in it. */
  private static Instant lastWritten(Path folder) throws IOException {
    FileTime newest = Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS);
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path file : stream) {
        try {
          FileTime time = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
          if (time.compareTo(newest) > 0) {
            newest = time;
          }
        } catch (NoSuchFileException gone) {
          // rolled over meanwhile
        }
      }
    }
    return newest.toInstant();
  }

  private static boolean delete(Path folder) {
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure)
                throws IOException {
              if (failure != null) {
                throw failure;
              }
              Files.delete(directory);
              return FileVisitResult.CONTINUE;
            }
          });
      return true;
    } catch (IOException e) {
      log.warn(
          "logs.sessions.prune.failed folder={} error=\"{}\"", folder.getFileName(), e.toString());
      return false;
    }
  }

  /**
   * Whether a folder is named, as a whole argument, on the command line of a live process that
   * carries {@code marker}. The processes are listed once, when the predicate is made.
   */
  static Predicate<Path> namedByRunningProcesses(String marker) {
    long self = ProcessHandle.current().pid();
    List<ProcessHandle> ours =
        ProcessHandle.allProcesses()
            .filter(p -> p.pid() != self)
            .filter(p -> ProcessCommandLine.has(p, marker))
            .toList();
    return folder ->
        ours.stream()
            .anyMatch(p -> p.isAlive() && ProcessCommandLine.has(p, folder.toString()));
  }

  private record Folder(Path path, Instant lastWritten) {}
}
