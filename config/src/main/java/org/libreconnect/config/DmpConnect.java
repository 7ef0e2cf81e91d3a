package org.libreconnect.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code <dmpconnect>} section: the DMP client inside each worker.
 *
 * @param transactionDumpDirectory where every DMP request and answer is written for support;
 *     empty means no dump (the dump holds health data)
 * @param logLevel DMP client log level, 1 (least) to 5 (most)
 * @param homologationNumber the DMP homologation number of the software (CNDA), sent as the VIHF's
 *     {@code LPS_ID_HOMOLOGATION_DMP}; 1–64 letters, digits, '.', '_' or '-'
 */
public record DmpConnect(Optional<Path> transactionDumpDirectory, int logLevel,
    String homologationNumber) {

  /** 4 in the dev build, 2 in the production build ({@link BuildFlavour}). */
  public static final int DEFAULT_LOG_LEVEL = BuildFlavour.current().defaultConnectorLogLevel();

  /** What is sent until an installation is given its homologation number. */
  public static final String DEFAULT_HOMOLOGATION_NUMBER = "LIBRECONNECT-NON-HOMOLOGUE";

  private static final Pattern HOMOLOGATION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public DmpConnect {
    Objects.requireNonNull(transactionDumpDirectory, "transactionDumpDirectory");
    Require.between("logLevel", logLevel, 1, 5);
    Objects.requireNonNull(homologationNumber, "homologationNumber");
    if (!HOMOLOGATION.matcher(homologationNumber).matches()) {
      throw new IllegalArgumentException(
          "homologationNumber must be 1-64 letters, digits, '.', '_' or '-'");
    }
  }

  /** The section with the default homologation number. */
  public DmpConnect(Optional<Path> transactionDumpDirectory, int logLevel) {
    this(transactionDumpDirectory, logLevel, DEFAULT_HOMOLOGATION_NUMBER);
  }

  /**
   * Where transaction dumps go: the configured directory; when none is configured, {@code
   * devDirectory} in the dev build (support of test installations), and nowhere in the production
   * build, which writes health data to disk only when an administrator asked for it.
   */
  public Optional<Path> effectiveDumpDirectory(BuildFlavour flavour, Path devDirectory) {
    if (transactionDumpDirectory.isPresent() || flavour.isProduction()) {
      return transactionDumpDirectory;
    }
    return Optional.of(devDirectory);
  }

  public static DmpConnect defaults() {
    return new DmpConnect(Optional.empty(), DEFAULT_LOG_LEVEL);
  }
}
