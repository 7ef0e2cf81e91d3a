package org.libreconnect.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libreconnect.runtime.NativeHeapTrim;

/**
 * A real master process for end-to-end tests: its own installation directory, its own
 * configuration, an ephemeral port. The class path of the test JVM carries master and worker.
 */
public final class ConnectorProcess implements AutoCloseable {
  /** The master's TLS implementation, passed on from this JVM's system property when set. */
  private static final String TLS_PROVIDER = "libreconnect.tls.provider";

  private static final Pattern STATUS_LINE = Pattern.compile("Status page: https://[^:]+:(\\d+)/");

  private final Path home;
  private final Process process;
  private final int port;
  private final List<String> output;

  private ConnectorProcess(Path home, Process process, int port, List<String> output) {
    this.home = home;
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /** Writes {@code configXml} to the home's configuration file and starts a master there. */
  public static ConnectorProcess start(Path home, String configXml) throws IOException {
    Files.createDirectories(home);
    Files.writeString(home.resolve("libreconnect.xml"), configXml);
    return start(home);
  }

  /** Starts a master on an existing home (for restart tests). */
  public static ConnectorProcess start(Path home) throws IOException {
    return start(home, System.getProperty("java.class.path"), java.util.Map.of());
  }

  /**
   * Starts a master on an existing home with {@code classPath} (its workers get the same) and
   * {@code environment} added to this process's.
   */
  public static ConnectorProcess start(Path home, String classPath, java.util.Map<String, String> environment)
      throws IOException {
    return start(List.of(), home, classPath, environment);
  }

  /**
   * Starts a master as {@link #start(Path, String, java.util.Map)} does, its command line
   * preceded by {@code launcher} (such as {@code setpriv} options that run it as another user).
   */
  public static ConnectorProcess start(
      List<String> launcher, Path home, String classPath, java.util.Map<String, String> environment)
      throws IOException {
    List<String> argv = new ArrayList<>(launcher);
    argv.add(ProcessHandle.current().info().command().orElseThrow());
    argv.add("-Xmx256m");
    argv.add("-XX:+UseSerialGC");
    argv.add("--enable-native-access=ALL-UNNAMED"); // OpenSSL on the port (netty-tcnative)
    argv.add("-Dslf4j.provider=org.libreconnect.runtime.DirectLogbackProvider"); // as bin/libreconnect
    argv.add("-Dslf4j.internal.verbosity=WARN");
    argv.addAll(NativeHeapTrim.forThisJvm()); // as the distribution's launcher
    argv.add("-Dlibreconnect.home=" + home.toAbsolutePath());
    String tls = System.getProperty(TLS_PROVIDER);
    if (tls != null && !tls.isBlank()) {
      argv.add("-D" + TLS_PROVIDER + "=" + tls); // to measure one implementation against the other
    }
    argv.add("-cp");
    argv.add(classPath);
    argv.add("org.libreconnect.master.MasterMain");
    argv.add("--home");
    argv.add(home.toAbsolutePath().toString());
    argv.add("--port");
    argv.add("0");
    return launch(home, argv, environment);
  }

  /**
   * Runs {@code argv}, a command that starts a master on {@code home} (such as the distribution's
   * {@code bin/libreconnect}), and waits for its status line to learn the port.
   */
  public static ConnectorProcess launch(Path home, List<String> argv) throws IOException {
    return launch(home, argv, java.util.Map.of());
  }

  private static ConnectorProcess launch(
      Path home, List<String> argv, java.util.Map<String, String> environment) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  output.add(line);
                  Matcher matcher = STATUS_LINE.matcher(line);
                  if (matcher.find()) {
                    port.complete(Integer.parseInt(matcher.group(1)));
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              port.completeExceptionally(new IllegalStateException("master exited: " + output));
            },
            "master-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ConnectorProcess(home, process, port.get(60, TimeUnit.SECONDS), output);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("The master did not start: " + output, e);
    }
  }

  /** A configuration with the given allowed origins and otherwise test-friendly values. */
  public static String config(int prestartedWorkers, String... allowedOrigins) {
    return config(prestartedWorkers, true, null, allowedOrigins);
  }

  /**
   * A configuration in simulation mode or not, with a PKCS#11 library ({@code pkcs11/library})
   * when {@code pkcs11Library} is not null, the given allowed origins and otherwise test-friendly
   * values.
   */
  public static String config(
      int prestartedWorkers, boolean simulation, String pkcs11Library, String... allowedOrigins) {
    StringBuilder xml = new StringBuilder();
    xml.append("<libreconnect>\n  <server>\n")
        .append("    <ip>127.0.0.1</ip>\n")
        .append("    <port>9982</port>\n")
        .append("    <log_level>5</log_level>\n")
        .append("    <prestarted_workers>").append(prestartedWorkers).append("</prestarted_workers>\n")
        .append("    <max_frame_bytes>1048576</max_frame_bytes>\n")
        .append("    <allowed_origins>\n");
    for (String origin : allowedOrigins) {
      xml.append("      <origin>").append(origin).append("</origin>\n");
    }
    xml.append("    </allowed_origins>\n  </server>\n");
    if (pkcs11Library != null) {
      xml.append("  <pkcs11><library>").append(pkcs11Library).append("</library></pkcs11>\n");
    }
    xml.append("  <simulation><enabled>").append(simulation).append("</enabled></simulation>\n")
        .append("</libreconnect>\n");
    return xml.toString();
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** The master process, to find its workers among its descendants. */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  public Path home() {
    return home;
  }

  public Path caCertificate() {
    return home.resolve("tls").resolve("ca.crt");
  }

  public List<String> output() {
    return List.copyOf(output);
  }

  /** Kills the master with SIGKILL, as a crash would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  /** Stops the master with SIGTERM and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Waits until {@code pid} is no longer alive. */
  public static boolean awaitExit(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        Thread.sleep(100);
      } else {
        return true;
      }
    }
    return false;
  }
}
