package org.libreconnect.dmp;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** An HTTPS server requiring client certificates; each answer comes from a function of the request. */
final class SoapTestServer implements AutoCloseable {
  record Reply(int status, String contentType, byte[] body) {
    static Reply soap(int status, String envelope) {
      return new Reply(status, "application/soap+xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8));
    }
  }

  record Received(String path, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpsServer server;

  SoapTestServer(SSLContext tls, Function<Received, Reply> replies) throws IOException {
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters parameters = tls.getDefaultSSLParameters();
            parameters.setNeedClientAuth(true);
            parameters.setProtocols(new String[] {"TLSv1.2"});
            params.setSSLParameters(parameters);
          }
        });
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Received request =
              new Received(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  body);
          received.add(request);
          Reply reply = replies.apply(request);
          exchange.getResponseHeaders().set("Content-Type", reply.contentType());
          exchange.sendResponseHeaders(reply.status(), reply.body().length);
          exchange.getResponseBody().write(reply.body());
          exchange.close();
        });
    server.start();
  }

  URI base() {
    return URI.create("https://localhost:" + server.getAddress().getPort() + "/si-dmp-server/v2/services");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
