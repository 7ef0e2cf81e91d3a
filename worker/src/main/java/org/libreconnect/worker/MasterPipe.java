package org.libreconnect.worker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's standard input, a pipe from the master: the secret token on the first line, for a
 * terminal-server user's worker the configuration file as one base64 line, then nothing until the
 * master dies and the pipe reaches end of file.
 */
final class MasterPipe {
  private static final Logger log = LoggerFactory.getLogger(MasterPipe.class);
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
  private static final int MAX_TOKEN_CHARS = 1024;
  private static final int MAX_CONFIGURATION_CHARS = 16 * 1024 * 1024;

  private MasterPipe() {}

  /**
   * Reads the first line: the token, as hex digits.
   *
   * @throws IOException when the pipe ends first or the line is not a hex token
   */
  static String readToken(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b == -1) {
        throw new IOException("standard input ended before the token line");
      }
      if (line.size() > MAX_TOKEN_CHARS) {
        throw new IOException("the token line is longer than " + MAX_TOKEN_CHARS + " characters");
      }
      line.write(b);
    }
    String token = line.toString(StandardCharsets.US_ASCII).strip();
    if (!HEX.matcher(token).matches()) {
      throw new IOException("the first line of standard input is not a hex token");
    }
    return token;
  }

  /**
   * Reads the configuration line: the master's configuration file in base64, empty when it has
   * none.
   *
   * @throws IOException when the pipe ends first or the line is not base64
   */
  static byte[] readConfiguration(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b == -1) {
        throw new IOException("standard input ended before the configuration line");
      }
      if (line.size() > MAX_CONFIGURATION_CHARS) {
        throw new IOException("the configuration line is longer than " + MAX_CONFIGURATION_CHARS + " characters");
      }
      line.write(b);
    }
    try {
      return Base64.getDecoder().decode(line.toByteArray());
    } catch (IllegalArgumentException e) {
      throw new IOException("the configuration line is not base64", e);
    }
  }

  /** Starts a daemon thread that exits the process when the pipe reaches end of file. */
  static Thread exitOnEndOfFile(InputStream in, ProcessExit exit) {
    return Thread.ofPlatform()
        .name("master-pipe")
        .daemon(true)
        .start(
            () -> {
              try {
                in.transferTo(OutputStream.nullOutputStream());
                log.info("worker.exit reason=\"standard input closed: the master is gone\"");
              } catch (IOException e) {
                log.info("worker.exit reason=\"standard input failed\" error={}", e.toString());
              }
              exit.exit(0);
            });
  }
}
