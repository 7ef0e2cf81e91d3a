package org.libreconnect.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libreconnect.testsupport.WrittenLogs;

/** A real server-mode process ({@code ServerMain}) on its own home and an ephemeral port. */
final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on https://[^ ]+:(\\d+)");

  private final Path home;
  private final Process process;
  private final int port;
  private final List<String> output;

  private ServerProcess(Path home, Process process, int port, List<String> output) {
    this.home = home;
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /** A configuration: simulation mode, loopback, and {@code restServerXml} inside rest_server. */
  static String config(boolean simulation, String restServerXml) {
    return "<libreconnect>\n"
        + "  <server><log_level>5</log_level></server>\n"
        + "  <simulation><enabled>" + simulation + "</enabled></simulation>\n"
        + "  <rest_server>\n    <ip>127.0.0.1</ip>\n" + restServerXml + "\n  </rest_server>\n"
        + "</libreconnect>\n";
  }

  static ServerProcess start(Path home, String configXml) throws IOException {
    Files.createDirectories(home);
    Files.writeString(home.resolve("libreconnect.xml"), configXml);
    List<String> argv = new ArrayList<>();
    argv.add(ProcessHandle.current().info().command().orElseThrow());
    argv.add("-Xmx256m");
    argv.add("-XX:+UseSerialGC");
    argv.add("--enable-native-access=ALL-UNNAMED"); // as bin/libreconnect-server (OpenSSL)
    argv.add("-Dslf4j.provider=org.libreconnect.runtime.DirectLogbackProvider"); // as bin/libreconnect-server
    argv.add("-Dslf4j.internal.verbosity=WARN");
    argv.add("-cp");
    argv.add(System.getProperty("java.class.path"));
    argv.add("org.libreconnect.server.ServerMain");
    argv.add("--home");
    argv.add(home.toAbsolutePath().toString());
    argv.add("--port");
    argv.add("0");
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          output.add(line);
          Matcher matcher = LISTENING.matcher(line);
          if (matcher.find()) {
            port.complete(Integer.parseInt(matcher.group(1)));
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      port.completeExceptionally(new IllegalStateException("server exited: " + output));
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServerProcess(home, process, port.get(90, TimeUnit.SECONDS), output);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("The server did not start: " + output, e);
    }
  }

  int port() {
    return port;
  }

  Path home() {
    return home;
  }

  Process process() {
    return process;
  }

  /** The CA of the generated server certificate. */
  Path caCertificate() {
    return home.resolve("tls/server-mode/ca.crt");
  }

  /** The line starting with {@code curl }, once printed. */
  Optional<String> curlLine() throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      synchronized (output) {
        for (String line : output) {
          if (line.startsWith("curl ")) {
            return Optional.of(line);
          }
        }
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }

  /** Everything the server's log files hold, once written (the server writes them in the background). */
  String logs() throws IOException, InterruptedException {
    // LogFiles: the background dump writer renames its temporary files under logs/ meanwhile
    return WrittenLogs.readAll(home.resolve("logs"));
  }

  /** SIGTERM, then waits for the graceful stop. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
