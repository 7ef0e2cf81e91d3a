package org.libreconnect.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads the last lines of a log file from its end, without reading the rest of it. */
public final class LogTail {

  static final int BLOCK_BYTES = 64 * 1024;

  private static final int ATTEMPTS = 3;

  private LogTail() {}

  /** {@link #lastLines}, in base64 of its UTF-8 bytes, as the JS2 log-tail answers carry it. */
  public static String lastLinesBase64(Path file, int maxLines) {
    return java.util.Base64.getEncoder()
        .encodeToString(lastLines(file, maxLines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The last {@code maxLines} lines of a UTF-8 file, joined with {@code \n}, without line
   * terminators ({@code \n} or {@code \r\n}). A last line without a terminator counts as a line;
   * bytes appended while the file is being read are left out. Only the blocks holding those lines
   * are read, whatever the size of the file.
   *
   * @return the lines, or {@code ""} when the file does not exist, is empty or {@code maxLines} is
   *     not positive
   * @throws UncheckedIOException when the file exists but cannot be read
   */
  public static String lastLines(Path file, int maxLines) {
    if (maxLines <= 0) {
      return "";
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        byte[] tail = tailBytes(channel, maxLines);
        if (tail != null) {
          return joinLines(new String(tail, StandardCharsets.UTF_8));
        }
      }
      return ""; // the file kept shrinking under us (truncated while being read)
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The bytes after the start of the last lines, or null when the file shrank while reading. */
  private static byte[] tailBytes(FileChannel channel, int maxLines) throws IOException {
    long end = channel.size();
    long start = 0;
    int newlines = 0;
    ByteBuffer block = ByteBuffer.allocate((int) Math.min(BLOCK_BYTES, Math.max(end, 1)));
    long position = end;
    search:
    while (position > 0) {
      int length = (int) Math.min(block.capacity(), position);
      position -= length;
      if (!readFully(channel, block, position, length)) {
        return null;
      }
      for (int i = length - 1; i >= 0; i--) {
        // A terminator that is the file's last byte ends the last line; it does not start one.
        if (block.get(i) == '\n' && position + i != end - 1 && ++newlines == maxLines) {
          start = position + i + 1;
          break search;
        }
      }
    }
    long size = end - start;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException("the last " + maxLines + " lines take " + size + " bytes, too many");
    }
    ByteBuffer tail = ByteBuffer.allocate((int) size);
    return readFully(channel, tail, start, (int) size) ? tail.array() : null;
  }

  private static boolean readFully(
      FileChannel channel, ByteBuffer buffer, long position, int length) throws IOException {
    buffer.clear().limit(length);
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        return false;
      }
    }
    return true;
  }

  private static String joinLines(String text) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].endsWith("\r")) {
        lines[i] = lines[i].substring(0, lines[i].length() - 1);
      }
    }
    return String.join("\n", lines);
  }
}
