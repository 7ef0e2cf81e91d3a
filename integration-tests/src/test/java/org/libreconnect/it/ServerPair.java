package org.libreconnect.it;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.libreconnect.server.Callers;
import org.libreconnect.testsupport.FreePort;

/**
 * Server-mode instances sharing one TLS identity and one simulation PKI (so one establishment),
 * behind a real haproxy (TLS passed through, health checks on {@code /ready}, redispatch on a
 * refused connection), as docs/server-mode.md describes.
 */
final class ServerPair implements AutoCloseable {
  static final String TOKEN = "load-balancer-test-token-0123456789";

  final List<ServerProcess> servers = new ArrayList<>();
  final Process haproxy;
  /** haproxy's port for every instance. */
  final int port;
  /** haproxy's port for the first instance alone. */
  final int firstOnlyPort;

  /** The rest_server settings of every instance: one caller, "load", with {@link #TOKEN}. */
  static String restConfig() {
    return "    <max_in_flight>256</max_in_flight>\n    <callers><caller><name>load</name><token_sha256>"
        + Callers.sha256Hex(TOKEN) + "</token_sha256><operations>*</operations></caller></callers>";
  }

  private ServerPair(Path work, int instances) throws Exception {
    String rest = restConfig();
    Path first = work.resolve("home-1");
    servers.add(ServerProcess.start(first, ServerProcess.config(true, rest)));
    for (int i = 2; i <= instances; i++) {
      Path home = work.resolve("home-" + i);
      copy(first.resolve("tls/server-mode"), home.resolve("tls/server-mode"));
      copy(first.resolve("data/simulation"), home.resolve("data/simulation"));
      servers.add(ServerProcess.start(home, ServerProcess.config(true, rest)));
    }
    port = FreePort.onLoopback();
    firstOnlyPort = FreePort.onLoopback();
    StringBuilder config = new StringBuilder()
        .append("global\n  maxconn 2000\n")
        .append("defaults\n  mode tcp\n  timeout connect 2s\n  timeout client 60s\n  timeout server 60s\n")
        .append("  retries 3\n  option redispatch\n")
        .append("frontend rest\n  bind 127.0.0.1:").append(port).append("\n  default_backend libreconnect\n")
        .append("backend libreconnect\n  balance roundrobin\n  option httpchk GET /ready\n")
        .append("  http-check expect status 200\n");
    for (int i = 0; i < servers.size(); i++) {
      config.append("  server s").append(i + 1).append(" 127.0.0.1:").append(servers.get(i).port())
          .append(" check check-ssl verify none inter 300ms fall 1 rise 1\n");
    }
    config.append("frontend one\n  bind 127.0.0.1:").append(firstOnlyPort).append("\n  default_backend first\n")
        .append("backend first\n  option httpchk GET /ready\n  http-check expect status 200\n")
        .append("  server s1 127.0.0.1:").append(servers.get(0).port())
        .append(" check check-ssl verify none inter 300ms fall 1 rise 1\n");
    Path file = Files.writeString(work.resolve("haproxy.cfg"), config);
    haproxy = new ProcessBuilder("haproxy", "-db", "-f", file.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile()).start();
    waitForPort(port);
  }

  static ServerPair start(Path work, int instances) throws Exception {
    return new ServerPair(work, instances);
  }

  HttpClient client() throws Exception {
    return ServerModeIT.client(servers.get(0).caCertificate());
  }

  /** One getDmpStatus through haproxy; the HTTP status, or -1 when the exchange failed. */
  int call(HttpClient client) {
    return call(client, port);
  }

  /** One getDmpStatus through haproxy's {@code frontendPort}. */
  int call(HttpClient client, int frontendPort) {
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(
              URI.create("https://localhost:" + frontendPort + "/getDmpStatus"))
          .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              org.libreconnect.server.CurlExample.getDmpStatusBody(DmpScenario.EXISTING)))
          .build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"i_dmpStatus\":1") ? 200
          : response.statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private void waitForPort(int port) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (!haproxy.isAlive()) {
        throw new IllegalStateException("haproxy exited");
      }
      try (Socket socket = new Socket("127.0.0.1", port)) {
        Thread.sleep(700); // first health checks
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("haproxy did not listen");
  }

  @Override
  public void close() throws Exception {
    haproxy.destroy();
    if (!haproxy.waitFor(5, TimeUnit.SECONDS)) {
      haproxy.destroyForcibly();
    }
    for (ServerProcess server : servers) {
      server.close();
    }
  }
}
