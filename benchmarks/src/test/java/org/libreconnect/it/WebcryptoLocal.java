package org.libreconnect.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.libreconnect.testsupport.FreePort;

/**
 * webcrypto-local, the engine of Fortify (the one peer that runs on this machine), built from its
 * public sources by {@code benchmarks/webcrypto-local/prepare.sh} and run as its users run it: its
 * server on the SoftHSM2 slot, its client connecting over HTTPS and WebSocket with its 2key-ratchet
 * session, approved and logged in to the token once, the key found once. The client answers one
 * line per request with the time it measured around its own calls ({@code client.ts}).
 */
final class WebcryptoLocal implements AutoCloseable {
  private static final Duration PREPARE = Duration.ofMinutes(5);
  private static final Duration READY = Duration.ofSeconds(60);
  private static final Duration SIGN = Duration.ofSeconds(20);

  /** One signature: webcrypto-local's time for it and the signature (base64). */
  record Signed(double millis, String signature) {}

  private final Process server;
  private final Process client;
  private final Writer requests;
  /** The client's lines, read by one thread of their own; empty once its output ended. */
  private final BlockingQueue<Optional<String>> answers = new LinkedBlockingQueue<>();
  /** Whether an answer came late: the next line read would answer an earlier request. */
  private boolean outOfStep;

  private WebcryptoLocal(Process server, Process client) {
    this.server = server;
    this.client = client;
    this.requests = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
    BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    Thread.ofPlatform().name("webcrypto-local-answers").daemon(true).start(() -> {
      try {
        for (String line; (line = lines.readLine()) != null; ) {
          answers.add(Optional.of(line));
        }
      } catch (IOException e) {
        // the client ended: as the end of its output
      }
      answers.add(Optional.empty());
    });
  }

  /** Why webcrypto-local cannot run here (its sources are not on this machine). */
  static final class Unavailable extends Exception {
    Unavailable(String reason) {
      super(reason);
    }
  }

  /**
   * Builds webcrypto-local under {@code build} (kept between runs while its inputs do not change),
   * starts its server on slot index {@code slot} of {@code library} with {@code pin}, and opens its
   * client on the key whose CKA_ID is {@code keyIdHex}. Logs go to {@code build/*.log}.
   */
  static WebcryptoLocal start(Path tool, Path build, String library, int slot, String pin, String keyIdHex)
      throws IOException, InterruptedException, Unavailable {
    prepare(tool, build);
    Path certificate = build.resolve("server.pem");
    Files.deleteIfExists(certificate);
    int port = FreePort.onLoopback();
    String address = "127.0.0.1:" + port;
    Process server = node(build, "server.ts", List.of(address, library, Integer.toString(slot), pin, certificate.toString()))
        .redirectErrorStream(true)
        .redirectOutput(build.resolve("server.log").toFile())
        .start();
    try {
      awaitListening(server, build.resolve("server.log"));
      ProcessBuilder clientBuilder = node(build, "client.ts", List.of(address, keyIdHex))
          .redirectError(build.resolve("client.log").toFile());
      clientBuilder.environment().put("NODE_EXTRA_CA_CERTS", certificate.toString());
      WebcryptoLocal local = new WebcryptoLocal(server, clientBuilder.start());
      try {
        String ready = local.ask("open", READY);
        if (!ready.startsWith("ready ")) {
          throw new IOException("webcrypto-local's client did not open: " + ready);
        }
        return local;
      } catch (IOException | RuntimeException e) {
        local.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      server.destroyForcibly();
      throw e;
    }
  }

  /** A signature (RSASSA-PKCS1-v1_5, SHA-256) on the open connection. */
  Signed sign(byte[] data) throws IOException {
    return signed(ask("sign " + Base64.getEncoder().encodeToString(data), SIGN));
  }

  /** A signature over a connection of its own: the page's first one (fetch, WebSocket, session, login check, key, sign). */
  Signed signOnNewConnection(byte[] data) throws IOException {
    return signed(ask("fresh " + Base64.getEncoder().encodeToString(data), SIGN));
  }

  private static Signed signed(String answer) throws IOException {
    String[] parts = answer.split(" ");
    if (parts.length != 3 || !parts[0].equals("signed")) {
      throw new IOException("webcrypto-local did not sign: " + answer);
    }
    return new Signed(Double.parseDouble(parts[1]), parts[2]);
  }

  /**
   * Sends one request and waits for its answer line. After a request that got no answer in time,
   * the client is out of step (its late answer would be taken for the next one's) and is not
   * asked again.
   */
  private String ask(String request, Duration deadline) throws IOException {
    if (outOfStep) {
      throw new IOException("webcrypto-local's client missed an earlier answer; not asked again");
    }
    requests.write(request + "\n");
    requests.flush();
    try {
      Optional<String> line = answers.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        outOfStep = true;
        throw new IOException("webcrypto-local's client gave no answer within " + deadline);
      }
      if (line.isEmpty()) {
        answers.add(line); // for whoever asks next
        throw new IOException("webcrypto-local's client ended (client.log)");
      }
      return line.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void prepare(Path tool, Path build) throws IOException, InterruptedException, Unavailable {
    Files.createDirectories(build.getParent());
    Path log = build.getParent().resolve("webcrypto-local-prepare.log");
    Process prepare = new ProcessBuilder("bash", tool.resolve("prepare.sh").toString(), build.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!prepare.waitFor(PREPARE.toSeconds(), TimeUnit.SECONDS)) {
      prepare.destroyForcibly();
      throw new IOException("webcrypto-local's build took more than " + PREPARE + " (" + log + ")");
    }
    String output = Files.readString(log).strip();
    if (prepare.exitValue() == 3) {
      throw new Unavailable(output);
    }
    if (prepare.exitValue() != 0) {
      throw new IOException("webcrypto-local's build failed (" + log + "): " + output);
    }
  }

  private static ProcessBuilder node(Path build, String script, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(
        "node", "--no-warnings", "-r", "ts-node/register", "-r", "tsconfig-paths/register", script));
    command.addAll(arguments);
    return new ProcessBuilder(command).directory(build.toFile());
  }

  private static void awaitListening(Process server, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      String output = Files.exists(log) ? Files.readString(log) : "";
      if (output.lines().anyMatch("listening"::equals)) {
        return;
      }
      if (!server.isAlive()) {
        throw new IOException("webcrypto-local's server ended: " + output.strip());
      }
      Thread.sleep(50);
    }
    throw new IOException("webcrypto-local's server did not listen within " + READY + " (" + log + ")");
  }

  @Override
  public void close() {
    try {
      requests.close();
      if (!client.waitFor(5, TimeUnit.SECONDS)) {
        client.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      client.destroyForcibly();
    } finally {
      server.destroy();
      try {
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      } catch (InterruptedException e) {
        server.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
