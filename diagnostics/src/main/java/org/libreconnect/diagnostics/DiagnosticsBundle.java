package org.libreconnect.diagnostics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.runtime.AtomicFiles;
import org.libreconnect.runtime.LogFiles;

/**
 * Builds the diagnostics zip support staff ask for. Entries:
 *
 * <ul>
 *   <li>{@code summary.txt}: versions, Java runtime, operating system, time zone, paths, check results;
 *   <li>{@code checks.txt}: one line per live check, with what to do when it failed;
 *   <li>{@code configuration.xml}: the configuration file, secrets masked;
 *   <li>{@code status.json}: the master's status;
 *   <li>{@code readers.txt}, {@code pkcs11.txt}: PC/SC readers and ATRs, the PKCS#11 library;
 *   <li>{@code logs/...}: the tail of each recent log file of the master and the workers, scrubbed.
 * </ul>
 *
 * Every text entry passes through {@link LogScrubber} and has the known secrets removed.
 */
public final class DiagnosticsBundle {
  /** How much of the end of each log file goes in. */
  public static final int LOG_TAIL_BYTES = 256 * 1024;
  /** How many log files at most, the most recently written first. */
  public static final int MAX_LOG_FILES = 40;

  private final BundleSources sources;
  private final Clock clock;

  public DiagnosticsBundle(BundleSources sources, Clock clock) {
    this.sources = sources;
    this.clock = clock;
  }

  /** The file name a bundle is offered under, e.g. {@code libreconnect-diagnostics-20261203-2015.zip}. */
  public String fileName() {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneId.systemDefault()));
    return String.format("libreconnect-diagnostics-%1$tY%1$tm%1$td-%1$tH%1$tM%1$tS.zip", now);
  }

  /** Writes the bundle to {@code file} atomically, readable by its owner only. */
  public List<CheckResult> writeTo(Path file) throws IOException {
    List<CheckResult> results = new ArrayList<>();
    AtomicFiles.write(file, out -> results.addAll(write(out)), AtomicFiles.Access.OWNER_ONLY);
    return results;
  }

  /** Writes the bundle to {@code out} (not closed); returns the check results it holds. */
  public List<CheckResult> write(OutputStream out) throws IOException {
    List<CheckResult> checks = sources.checks().get();
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    text(zip, "summary.txt", summary(checks));
    text(zip, "checks.txt", checksText(checks));
    text(zip, "configuration.xml", configuration());
    text(zip, "status.json", sources.status().get());
    text(zip, "readers.txt", sources.readers().get());
    text(zip, "pkcs11.txt", sources.pkcs11().get());
    for (Path log : recentLogs()) {
      String name = "logs/" + sources.logDirectory().relativize(log).toString().replace('\\', '/');
      text(zip, name, tail(log));
    }
    zip.finish();
    zip.flush();
    return checks;
  }

  private String summary(List<CheckResult> checks) {
    long failed = checks.stream().filter(c -> !c.passed()).count();
    StringBuilder s = new StringBuilder()
        .append("LibreConnect diagnostics\n")
        .append("Created: ").append(ZonedDateTime.now(clock.withZone(ZoneId.systemDefault()))).append('\n')
        .append("Version: ").append(ProductVersion.current()).append('\n')
        .append("Java: ").append(System.getProperty("java.vendor")).append(' ')
        .append(Runtime.version()).append(" at ").append(System.getProperty("java.home")).append('\n')
        .append("Operating system: ").append(System.getProperty("os.name")).append(' ')
        .append(System.getProperty("os.version")).append(" (").append(System.getProperty("os.arch")).append(")\n")
        .append("Time zone: ").append(ZoneId.systemDefault()).append('\n')
        .append("User: ").append(System.getProperty("user.name")).append('\n')
        .append("Configuration file: ").append(sources.configFile()).append('\n')
        .append("Log folder: ").append(sources.logDirectory()).append('\n')
        .append('\n').append("Checks: ").append(checks.size() - failed).append(" passed or skipped, ")
        .append(failed).append(" failed\n");
    return s.append(checksText(checks)).toString();
  }

  private static String checksText(List<CheckResult> checks) {
    StringBuilder s = new StringBuilder();
    for (CheckResult check : checks) {
      s.append(check.line()).append('\n');
    }
    return s.toString();
  }

  private String configuration() {
    Path file = sources.configFile();
    if (!Files.isRegularFile(file)) {
      return "<!-- no configuration file at " + file + ": the defaults apply -->\n";
    }
    try {
      return SecretMasker.mask(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "<!-- the configuration file cannot be read (" + Messages.brief(e) + ") -->\n";
    }
  }

  private List<Path> recentLogs() {
    try {
      return LogFiles.under(sources.logDirectory(), 4).stream()
          .sorted(Comparator.comparing(DiagnosticsBundle::modified).reversed())
          .limit(MAX_LOG_FILES)
          .toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String tail(Path log) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      long start = Math.max(0, length - LOG_TAIL_BYTES);
      byte[] bytes = new byte[(int) (length - start)];
      file.seek(start);
      file.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (start > 0) {
        int firstLine = text.indexOf('\n');
        text = "[… " + start + " earlier bytes left out]\n" + (firstLine >= 0 ? text.substring(firstLine + 1) : text);
      }
      return text;
    } catch (IOException e) {
      return "[this log cannot be read: " + Messages.brief(e) + "]\n";
    }
  }

  private void text(ZipOutputStream zip, String name, String content) throws IOException {
    String clean = LogScrubber.scrub(content == null ? "" : content);
    for (String secret : sources.secrets()) {
      clean = clean.replace(secret, SecretMasker.MASK);
    }
    zip.putNextEntry(new ZipEntry(name));
    zip.write(clean.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
