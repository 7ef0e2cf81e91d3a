package org.libreconnect.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.libreconnect.config.Proxy;

/**
 * Whether the configured HTTP proxy opens a tunnel ({@code CONNECT}) to an endpoint, with the
 * configured login. The password goes to the proxy only; it never appears in the result.
 */
public final class ProxyReachability implements LiveCheck {
  private final Endpoint endpoint;
  private final Proxy proxy;
  private final Duration timeout;

  public ProxyReachability(Endpoint endpoint, Proxy proxy, Duration timeout) {
    this.endpoint = endpoint;
    this.proxy = proxy;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return proxy.configured()
        ? endpoint.label() + " through the proxy " + proxy.server().orElseThrow() + ":" + proxy.port().getAsInt()
        : endpoint.label() + " through the proxy";
  }

  @Override
  public CheckResult run() {
    if (!proxy.configured()) {
      return CheckResult.skipped(name(), "no proxy is configured");
    }
    String name = name();
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(proxy.server().orElseThrow(), proxy.port().getAsInt()),
          (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder()
          .append("CONNECT ").append(endpoint.hostPort()).append(" HTTP/1.1\r\n")
          .append("Host: ").append(endpoint.hostPort()).append("\r\n");
      if (proxy.login().isPresent()) {
        String credentials = proxy.login().get() + ":" + proxy.password().orElse("");
        request.append("Proxy-Authorization: Basic ")
            .append(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .append("\r\n");
      }
      request.append("\r\n");
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      int code = statusCode(readStatusLine(socket.getInputStream()));
      return switch (code) {
        case 200 -> CheckResult.ok(name, "the proxy opened a tunnel (HTTP 200)");
        // 407 is the standard answer; tinyproxy answers 401 to a CONNECT with a wrong login.
        case 401, 407 -> CheckResult.failed(name, "the proxy refused the login (HTTP " + code + ")",
            "Enter the proxy login and password the network administrator gives in the Settings.");
        case -1 -> CheckResult.failed(name, "the proxy gave no HTTP answer",
            "Check that the proxy server and port in the Settings name an HTTP proxy.");
        default -> CheckResult.failed(name, "the proxy answered HTTP " + code,
            "Ask the network administrator to allow HTTPS (CONNECT) to " + endpoint.host() + " through the proxy.");
      };
    } catch (IOException e) {
      return CheckResult.failed(name, "no connection to the proxy (" + Messages.brief(e) + ")",
          "Check the proxy server and port in the Settings, or remove the proxy if the network has none.");
    }
  }

  private static String readStatusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n' && line.length() < 256) {
      line.append((char) c);
    }
    return line.toString().trim();
  }

  static int statusCode(String statusLine) {
    String[] parts = statusLine.split(" ");
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      return -1;
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
