package org.libreconnect.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code <dmpconnect>} section: the DMP client inside each worker.
 *
 * @param transactionDumpDirectory where every DMP request and answer is written for support;
 *     empty means no dump (the dump holds health data)
 * @param logLevel DMP client log level, 1 (least) to 5 (most)
 */
public record DmpConnect(Optional<Path> transactionDumpDirectory, int logLevel) {

  public static final int DEFAULT_LOG_LEVEL = 3;

  public DmpConnect {
    Objects.requireNonNull(transactionDumpDirectory, "transactionDumpDirectory");
    Require.between("logLevel", logLevel, 1, 5);
  }

  public static DmpConnect defaults() {
    return new DmpConnect(Optional.empty(), DEFAULT_LOG_LEVEL);
  }
}
