package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LogTailTest {

  @TempDir Path directory;

  private String tail(String content, int maxLines) throws IOException {
    Path file = directory.resolve("tail.log");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return LogTail.lastLines(file, maxLines);
  }

  @Test
  void lastLines() throws IOException {
    assertThat(tail("a\nb\nc\n", 2)).isEqualTo("b\nc");
    assertThat(tail("a\nb\nc\n", 1)).isEqualTo("c");
  }

  @Test
  void fewerLinesThanAskedGivesThemAll() throws IOException {
    assertThat(tail("a\nb\n", 10)).isEqualTo("a\nb");
  }

  @Test
  void lastLineWithoutNewlineCounts() throws IOException {
    assertThat(tail("a\nb\nc", 2)).isEqualTo("b\nc");
    assertThat(tail("only", 3)).isEqualTo("only");
  }

  @Test
  void crlfTerminatorsAreRemoved() throws IOException {
    assertThat(tail("a\r\nb\r\nc\r\n", 2)).isEqualTo("b\nc");
    assertThat(tail("a\r\nb\r\nc", 2)).isEqualTo("b\nc");
  }

  @Test
  void emptyLinesAreLines() throws IOException {
    assertThat(tail("a\n\nb\n", 2)).isEqualTo("\nb");
    assertThat(tail("a\n\n\n", 2)).isEqualTo("\n");
    assertThat(tail("\n", 1)).isEmpty();
  }

  @Test
  void emptyOrMissingFileOrNoLinesAskedGivesNothing() throws IOException {
    assertThat(tail("", 5)).isEmpty();
    assertThat(tail("a\nb\n", 0)).isEmpty();
    assertThat(tail("a\nb\n", -3)).isEmpty();
    assertThat(LogTail.lastLines(directory.resolve("missing.log"), 5)).isEmpty();
  }

  @Test
  void linesLongerThanABlock() throws IOException {
    String longLine = "é".repeat(LogTail.BLOCK_BYTES); // two bytes each: two blocks
    assertThat(tail("first\n" + longLine + "\nlast\n", 2)).isEqualTo(longLine + "\nlast");
    assertThat(tail(longLine + "\n" + longLine, 1)).isEqualTo(longLine);
  }

  @Test
  void agreesWithReadingTheWholeFile() throws IOException {
    Random random = new Random(20261121);
    String[] pieces = {"a", "é", "€", "𝄞", " ", "\n", "\r\n", "\n\n", "line of text "};
    for (int round = 0; round < 60; round++) {
      StringBuilder content = new StringBuilder();
      int target = random.nextInt(3 * LogTail.BLOCK_BYTES);
      while (content.length() < target) {
        content.append(pieces[random.nextInt(pieces.length)]);
      }
      int maxLines = 1 + random.nextInt(400);

      assertThat(tail(content.toString(), maxLines))
          .as("round %d, %d lines", round, maxLines)
          .isEqualTo(lastLinesTheSlowWay(content.toString(), maxLines));
    }
  }

  private static String lastLinesTheSlowWay(String content, int maxLines) {
    List<String> lines = new ArrayList<>(Arrays.asList(content.split("\r?\n", -1)));
    if (content.endsWith("\n")) {
      lines.removeLast();
    }
    return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
  }

  @Test
  void hundredMegabyteFile() throws IOException {
    Path file = directory.resolve("big.log");
    int lines = 0;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String padding = "x".repeat(80);
      for (long written = 0; written < 100L * 1024 * 1024; lines++) {
        String line = "line " + lines + " " + padding + "\n";
        out.write(line);
        written += line.length();
      }
    }

    String tail = LogTail.lastLines(file, 3);

    assertThat(tail.lines().map(l -> l.split(" ")[1]))
        .containsExactly(
            Integer.toString(lines - 3), Integer.toString(lines - 2), Integer.toString(lines - 1));
  }

  @Test
  void fileTooLargeToReadWholeIntoMemory() throws IOException {
    assumeThat(Files.getFileStore(directory).type())
        .as("a file system with sparse files")
        .isIn("tmpfs", "ext4", "xfs", "btrfs", "zfs", "apfs", "overlay");
    Path file = directory.resolve("sparse.log");
    long size = 3L * 1024 * 1024 * 1024; // more than a Java array can hold
    byte[] end = "\nnext to last\nlast\n".getBytes(StandardCharsets.US_ASCII);
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.setLength(size);
      out.seek(size - end.length);
      out.write(end);
    }

    assertThat(LogTail.lastLines(file, 2)).isEqualTo("next to last\nlast");
  }

  @Test
  void fileAppendedWhileBeingRead() throws Exception {
    Path file = directory.resolve("growing.log");
    Files.writeString(file, "line-0\n");
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try (FileChannel out =
                      FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    for (int n = 1; !stop.get(); n++) {
                      // Two writes per line, so that readers can see half a line.
                      out.write(ByteBuffer.wrap(("line-" + n).getBytes(StandardCharsets.US_ASCII)));
                      out.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.US_ASCII)));
                    }
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
    try {
      Pattern whole = Pattern.compile("line-(\\d+)");
      for (int round = 0; round < 200; round++) {
        List<String> lines = LogTail.lastLines(file, 20).lines().toList();
        assertThat(lines).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        long previous = -1;
        for (String text : lines.subList(0, lines.size() - 1)) {
          Matcher line = whole.matcher(text);
          assertThat(line.matches()).as("whole line %s", text).isTrue();
          long number = Long.parseLong(line.group(1));
          assertThat(previous < 0 || number == previous + 1).as("consecutive lines").isTrue();
          previous = number;
        }
        String last = lines.getLast();
        if (previous >= 0) {
          assertThat("line-" + (previous + 1)).as("last line, maybe half written").startsWith(last);
        } else {
          assertThat(last).matches("l|li|lin|line|line-\\d*");
        }
      }
    } finally {
      stop.set(true);
      writer.join();
    }
  }
}
