package org.libreconnect.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CUPS daemon of the test's own (Debian's cupsd, with its configuration, spool and backends in a
 * temporary folder, reached on a Unix socket), so that the test neither needs nor changes the
 * machine's printing system. Its backend folder holds the connector's CUPS backend, as shipped.
 * Closing it stops the daemon it started.
 */
final class PrivateCups implements AutoCloseable {
  private static final Path SHIPPED_BACKEND =
      Path.of("..", "installer", "src", "main", "dist", "printer", "libreconnect-cups-backend");

  private final Path root;
  private final Path socket;
  private final Process daemon;

  private PrivateCups(Path root, Path socket, Process daemon) {
    this.root = root;
    this.socket = socket;
    this.daemon = daemon;
  }

  /** Starts cupsd in {@code dir} (which must be private to root: cupsd checks its files). */
  static PrivateCups start(Path dir) throws Exception {
    for (String tool : List.of("/usr/sbin/cupsd", "/usr/sbin/lpadmin", "/usr/bin/lp", "/usr/lib/cups/daemon/cups-exec")) {
      if (!Files.isExecutable(Path.of(tool))) {
        throw new IllegalStateException(tool + " is missing: install cups-daemon and cups-client"
            + " (scripts/install-test-packages.sh)");
      }
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createDirectories(bin.resolve("backend"));
    Files.createDirectories(bin.resolve("daemon"));
    Files.createSymbolicLink(bin.resolve("daemon/cups-exec"), Path.of("/usr/lib/cups/daemon/cups-exec"));
    Path backend = bin.resolve("backend/libreconnect");
    Files.copy(SHIPPED_BACKEND, backend);
    Files.setPosixFilePermissions(backend, PosixFilePermissions.fromString("rwx------"));
    for (String sub : List.of("spool", "cache", "state", "log")) {
      Files.createDirectories(dir.resolve(sub));
    }
    Path socket = dir.resolve("cups.sock");
    Files.writeString(conf.resolve("cupsd.conf"), """
        Listen %s
        LogLevel info
        WebInterface No
        Browsing No
        <Location />
          Order allow,deny
          Allow all
        </Location>
        <Policy default>
          <Limit All>
            Order deny,allow
          </Limit>
        </Policy>
        """.formatted(socket));
    Files.writeString(conf.resolve("cups-files.conf"), """
        ServerRoot %1$s/conf
        ServerBin %1$s/bin
        DataDir /usr/share/cups
        RequestRoot %1$s/spool
        TempDir %1$s/spool
        CacheDir %1$s/cache
        StateDir %1$s/state
        ErrorLog %1$s/log/error_log
        AccessLog %1$s/log/access_log
        PageLog %1$s/log/page_log
        FileDevice No
        Sandboxing Relaxed
        """.formatted(dir));
    Process daemon = new ProcessBuilder("/usr/sbin/cupsd", "-f", "-c", conf.resolve("cupsd.conf").toString(),
        "-s", conf.resolve("cups-files.conf").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log/cupsd.out").toFile()).start();
    PrivateCups cups = new PrivateCups(dir, socket, daemon);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(socket)) {
      if (!daemon.isAlive() || System.nanoTime() > deadline) {
        cups.close();
        throw new IllegalStateException("cupsd did not start: " + cups.errorLog());
      }
      Thread.sleep(100);
    }
    return cups;
  }

  /** Creates a raw queue printing through the connector's backend into {@code spool}. */
  void addQueue(String name, Path spool) throws Exception {
    run("/usr/sbin/lpadmin", "-h", socket.toString(), "-p", name, "-E", "-v", "libreconnect:" + spool, "-m", "raw");
  }

  /** Prints {@code file} with {@code lp}, titled {@code title}. */
  void print(String queue, Path file, String title) throws Exception {
    run("/usr/bin/lp", "-h", socket.toString(), "-d", queue, "-t", title, file.toString());
  }

  String errorLog() {
    try {
      Path log = root.resolve("log/error_log");
      return Files.exists(log) ? Files.readString(log) : "(no error log)";
    } catch (IOException e) {
      return "(error log unreadable)";
    }
  }

  private void run(String... argv) throws Exception {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", new ArrayList<>(List.of(argv)).subList(0, 1)) + " failed: "
          + output + "\n" + errorLog());
    }
  }

  @Override
  public void close() throws InterruptedException {
    daemon.destroy();
    if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
      daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
