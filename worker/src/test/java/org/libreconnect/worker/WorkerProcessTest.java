package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;
import org.libreconnect.protocol.link.LinkMessages;

/** Starts {@link WorkerMain} as a real JVM, the way the master does, and plays the master. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerProcessTest {
  private static final String TOKEN = "5eed0f1a9c";
  private static final int ACCEPT_TIMEOUT_MILLIS = 30_000;
  private static final String DATA =
      Base64.getEncoder().encodeToString("not for the log".getBytes(StandardCharsets.UTF_8));

  @TempDir Path home;
  private final WireJson wire = new WireJson();
  private final LinkCodec codec = new LinkCodec(64 * 1024 * 1024);

  @Test
  void saysHelloServesACommandAndExitsWhenStandardInputCloses() throws Exception {
    Process worker = null;
    try (ServerSocket server = listen()) {
      worker = start(server.getLocalPort());
      OutputStream stdin = worker.getOutputStream();
      stdin.write((TOKEN + "\n").getBytes(StandardCharsets.US_ASCII));
      stdin.flush();

      try (Socket socket = server.accept()) {
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));

        LinkFrame hello = codec.read(in);
        assertThat(hello.kind()).isEqualTo(Kind.HELLO);
        ObjectNode helloPayload = wire.readObject(hello.payload());
        assertThat(helloPayload.get("token").asText()).isEqualTo(TOKEN);
        assertThat(helloPayload.get("pid").asLong()).isEqualTo(worker.pid());

        String open = wire.write(new LinkMessages.SessionOpened("sess-1", "app", "u", "d", "o"));
        assertThat(roundTrip(in, out, 1, open)).isEqualTo("{\"s_status\":\"OK\"}");
        ObjectNode set =
            wire.readObject(
                roundTrip(
                    in,
                    out,
                    2,
                    "{\"s_commandName\":\"hl_setSessionData\",\"s_sessionId\":\"sess-1\","
                        + "\"s_sessionData64\":\""
                        + DATA
                        + "\"}"));
        ObjectNode get =
            wire.readObject(
                roundTrip(
                    in,
                    out,
                    3,
                    "{\"s_commandName\":\"hl_getSessionData\",\"s_sessionId\":\"sess-1\","
                        + "\"s_sessionDataId\":\""
                        + set.get("s_sessionDataId").asText()
                        + "\"}"));
        assertThat(get.get("s_sessionData64").asText()).isEqualTo(DATA);

        stdin.close();

        assertThat(worker.waitFor(5, TimeUnit.SECONDS)).as("exited after stdin closed").isTrue();
        assertThat(worker.exitValue()).isZero();
      }
      String serviceLog = Files.readString(home.resolve("logs").resolve("service.log"));
      // The first command's log line is written before the second command runs (one queue per
      // session); the last one may race with the exit, so it is not asserted.
      assertThat(serviceLog)
          .contains("link.hello pid=" + worker.pid(), "command.done name=hl_setSessionData");
      assertThat(serviceLog).doesNotContain(DATA);
    } finally {
      destroy(worker);
    }
  }

  @Test
  void exitsWhenTheLinkCloses() throws Exception {
    Process worker = null;
    try (ServerSocket server = listen()) {
      worker = start(server.getLocalPort());
      worker.getOutputStream().write((TOKEN + "\n").getBytes(StandardCharsets.US_ASCII));
      worker.getOutputStream().flush();

      try (Socket socket = server.accept()) {
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        assertThat(codec.read(in).kind()).isEqualTo(Kind.HELLO);
      }

      assertThat(worker.waitFor(5, TimeUnit.SECONDS)).as("exited after the link closed").isTrue();
      assertThat(worker.exitValue()).isZero();
    } finally {
      destroy(worker);
    }
  }

  @Test
  void aBadCommandLineExitsWithTwo() throws Exception {
    Process worker = null;
    try {
      worker =
          new ProcessBuilder(command(List.of("--link-port", "nope")))
              .redirectErrorStream(true)
              .start();
      worker.getOutputStream().close();

      assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(worker.exitValue()).isEqualTo(2);
      assertThat(new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .contains("--link-port: \"nope\" is not a port");
    } finally {
      destroy(worker);
    }
  }

  private String roundTrip(DataInputStream in, DataOutputStream out, long id, String payload)
      throws IOException {
    codec.write(out, new LinkFrame(Kind.REQUEST, id, "sess-1", payload));
    LinkFrame answer = codec.read(in);
    assertThat(answer.kind()).isEqualTo(Kind.FINAL);
    assertThat(answer.id()).isEqualTo(id);
    return answer.payload();
  }

  private static ServerSocket listen() throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    server.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
    return server;
  }

  private Process start(int port) throws IOException {
    return new ProcessBuilder(
            command(
                List.of(
                    "--link-port", Integer.toString(port),
                    "--log-dir", home.resolve("logs").toString(),
                    "--worker-id", "w-test")))
        .redirectOutput(home.resolve("worker.out").toFile())
        .redirectError(home.resolve("worker.err").toFile())
        .start();
  }

  private List<String> command(List<String> arguments) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-D" + "libreconnect.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                WorkerMain.class.getName()));
    command.addAll(arguments);
    return command;
  }

  private static void destroy(Process process) throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
