package org.libreconnect.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The log files under a log folder, listed while processes write there: a log rolls over, a
 * transaction dump is written to a temporary file and renamed. An entry that vanishes between the
 * folder's listing and its reading is left out, where {@link Files#walk} would end the whole walk
 * with a {@link NoSuchFileException}.
 */
public final class LogFiles {
  /** {@code service.log}, {@code connector.log.3}, {@code pcscd.txt}. */
  private static final Pattern LOG_NAME = Pattern.compile(".*\\.(log|txt)(\\.\\d+)?");

  private LogFiles() {}

  /**
   * The log files under {@code directory}, {@code maxDepth} folders down at most; an empty list
   * when the folder does not exist. Temporary files (named {@code .…}) are not logs.
   */
  public static List<Path> under(Path directory, int maxDepth) throws IOException {
    List<Path> logs = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return logs;
    }
    Files.walkFileTree(
        directory,
        EnumSet.noneOf(FileVisitOption.class),
        maxDepth,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String name = file.getFileName().toString();
            if (attributes.isRegularFile() && !name.startsWith(".") && LOG_NAME.matcher(name).matches()) {
              logs.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
            if (failure instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw failure;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
            if (failure != null && !(failure instanceof NoSuchFileException)) {
              throw failure;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return logs;
  }

  /**
   * Everything the log files under {@code directory} hold, in no particular order; a file that
   * rolled over between the listing and its reading is left out.
   */
  public static String readAll(Path directory, int maxDepth) throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path file : under(directory, maxDepth)) {
      try {
        all.append(Files.readString(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException rolledOver) {
        // renamed by the log's rotation meanwhile: its lines are in the next file
      }
    }
    return all.toString();
  }
}
