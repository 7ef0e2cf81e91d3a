package org.libreconnect.diagnostics;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts and stops the loopback tinyproxy and chronyd of scripts/net-stack.sh. */
final class NetStack implements AutoCloseable {
  static final Path SCRIPT = Path.of("..", "scripts", "net-stack.sh").toAbsolutePath().normalize();
  private final Path state;

  NetStack(Path state) throws IOException, InterruptedException {
    this.state = state;
    run("install");
  }

  void startProxy(int port, String login, String password) throws IOException, InterruptedException {
    run("start-proxy", state.toString(), String.valueOf(port), login, password);
  }

  void startNtp(String name, int port, int offsetSeconds) throws IOException, InterruptedException {
    run("start-ntp", state.resolve(name).toString(), String.valueOf(port), String.valueOf(offsetSeconds));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("stop", state.toString());
    for (String name : List.of("ntp", "skewed")) {
      run("stop", state.resolve(name).toString());
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("net-stack.sh " + arguments[0] + " failed: " + output);
    }
  }
}
