package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.FreePort;
import org.libreconnect.testsupport.Js2Client;

/**
 * Terminal-server users on the real stack (docs/adr/0026): two OS users, a pcscd of user A's own
 * (in a mount namespace of its own, so that its socket is A's and not the system's), a master run
 * as a service user holding only {@code CAP_SETUID} and {@code CAP_SETGID} as ambient
 * capabilities (what the systemd drop-in grants), and clients run as A and as B (curl through runuser, so that the kernel's socket table
 * names them). A's session gets a worker run as A that sees A's reader and writes its logs in A's
 * home; B cannot open a session as A; B's own worker runs as B and does not see A's reader.
 * Needs root, Linux, unshare, setpriv, pcscd with vpcd and curl; skipped elsewhere, saying why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TerminalServerUsersIT {
  private static final String USER_A = "lcts-a";
  private static final String USER_B = "lcts-b";
  private static final String SERVICE = "lcts-svc";
  private static final String READER_A = "LibreConnect TS Reader A";
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;
  private static final String HOST = "localhost.icanopee.net";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path shared;
  private Process pcscdA;
  private ConnectorProcess connector;
  private Js2Client rootClient;

  @BeforeAll
  void start() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "skipped: needs root (useradd, unshare)");
    assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "skipped: needs Linux's /proc/net/tcp");
    for (String tool : List.of("/usr/bin/setpriv", "/usr/bin/unshare", "/usr/sbin/pcscd", "/usr/bin/curl",
        "/usr/lib/pcsc/drivers/serial/libifdvpcd.so")) {
      assumeTrue(Files.exists(Path.of(tool)), "skipped: needs " + tool);
    }
    assumeTrue(worldReadable(Path.of(System.getProperty("java.home"))),
        "skipped: the JDK must be readable by other users");
    for (String user : List.of(USER_A, USER_B)) {
      run("userdel", "-r", user); // a run cut short may have left it
      assertThat(run("useradd", "--create-home", "--shell", "/usr/sbin/nologin", user)).isZero();
    }
    run("userdel", SERVICE);
    assertThat(run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE)).isZero();
    // Everything the users' processes read: the class path, the CA, the PC/SC socket folders.
    shared = Files.createTempDirectory("lcts-");
    open(shared);
    String classPath = readableCopyOfClassPath(shared.resolve("cp"));
    Path sockets = open(Files.createDirectories(shared.resolve("pcsc")));
    pcscdA = startPcscd(open(Files.createDirectories(sockets.resolve(USER_A))));

    // The service's home, its own only, as the package makes it.
    Path home = Files.createDirectories(shared.resolve("service-home"));
    Files.writeString(home.resolve("libreconnect.xml"), ConnectorProcess.config(1, false, null, ORIGIN));
    assertThat(run("chown", "-R", SERVICE + ":", home.toString())).isZero();
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    List<String> asService = List.of("setpriv", "--reuid=" + SERVICE, "--regid=" + SERVICE, "--init-groups",
        "--inh-caps=+setuid,+setgid", "--ambient-caps=+setuid,+setgid", "--");
    connector = ConnectorProcess.start(asService, home, classPath,
        Map.of("LIBRECONNECT_USER_PCSC_SOCKET", sockets + "/{user}/pcscd.comm"));
    Files.copy(connector.caCertificate(), shared.resolve("ca.crt"));
    Files.setPosixFilePermissions(shared.resolve("ca.crt"), PosixFilePermissions.fromString("rw-r--r--"));
    rootClient = new Js2Client(connector.caCertificate(), connector.port());
  }

  @AfterAll
  void stop() throws Exception {
    if (connector != null) {
      connector.close();
    }
    if (pcscdA != null) {
      pcscdA.destroy();
      if (!pcscdA.waitFor(5, TimeUnit.SECONDS)) {
        pcscdA.destroyForcibly();
      }
    }
    if ("root".equals(System.getProperty("user.name"))) {
      for (String user : List.of(USER_A, USER_B, SERVICE)) {
        // Workers end with their master; give the last one a moment before removing its user.
        for (int i = 0; i < 50 && run("pgrep", "-u", user) == 0; i++) {
          Thread.sleep(100);
        }
        run("userdel", "-r", user);
        run("rm", "-rf", "/tmp/hsperfdata_" + user); // the JVMs' performance data of that user
      }
    }
    if (shared != null) {
      run("rm", "-rf", shared.toString());
    }
  }

  @Test
  void eachUsersWorkerRunsAsThatUserWithTheirReaderAndLogs() throws Exception {
    int uidA = uidOf(USER_A);
    int uidB = uidOf(USER_B);

    // A log folder of A's from long ago: A's worker prunes it (the master cannot).
    Path oldFolder = Path.of("/home", USER_A, ".libreconnect", "logs", "sessions", "0123456789abcdef");
    assertThat(run("runuser", "-u", USER_A, "--", "mkdir", "-p", oldFolder.toString())).isZero();
    assertThat(run("runuser", "-u", USER_A, "--", "touch", "-d", "2020-01-01",
        oldFolder.resolve("connector.log").toString(), oldFolder.toString())).isZero();

    JsonNode openedA = callAs(USER_A, "hl_openSession", "{\"s_userName\":\"" + USER_A + "\",\"s_applicationId\":\"app\"}");
    assertThat(openedA.path("s_status").asText()).as(openedA.toString()).isEqualTo("OK");
    String sessionA = openedA.path("s_sessionId").asText();
    long workerA = workerPidOf(sessionA);
    assertThat(uidOfProcess(connector.pid())).as("the master runs as the service user").isEqualTo(uidOf(SERVICE));
    assertThat(capabilities(connector.pid())).as("the master's ambient set: CAP_SETUID, CAP_SETGID")
        .containsEntry("CapAmb", "00000000000000c0");
    assertThat(uidOfProcess(workerA)).as("A's worker runs as A").isEqualTo(uidA);
    assertThat(capabilities(workerA)).as("A's worker holds no capability")
        .containsEntry("CapPrm", "0000000000000000").containsEntry("CapEff", "0000000000000000")
        .containsEntry("CapAmb", "0000000000000000").containsEntry("CapInh", "0000000000000000");

    JsonNode readersA = callAs(USER_A, "hl_getPcscReaders", "{\"s_sessionId\":\"" + sessionA + "\"}");
    assertThat(readersA.path("s_status").asText()).as(readersA.toString()).isEqualTo("OK");
    assertThat(readersA.toString()).as("A's worker sees A's reader").contains(READER_A);

    // B's page names A: refused, whatever the application.
    JsonNode spoofed = callAs(USER_B, "hl_openSession", "{\"s_userName\":\"" + USER_A + "\",\"s_applicationId\":\"app\"}");
    assertThat(spoofed.path("s_status").asText()).isNotEqualTo("OK");
    assertThat(spoofed.path("i_apiErrorCode").asInt()).isEqualTo(2);
    assertThat(spoofed.path("s_apiErrorDescription").asText()).contains("belongs to another user");

    // An unknown user, and root's own connection naming A, are refused too.
    JsonNode unknown = callAs(USER_B, "hl_openSession", "{\"s_userName\":\"lcts-nobody\"}");
    assertThat(unknown.path("s_apiErrorDescription").asText()).contains("no such user");
    JsonNode rootAsA = rootClient.call(ORIGIN, "{\"s_commandName\":\"hl_openSession\",\"s_userName\":\"" + USER_A + "\"}");
    assertThat(rootAsA.path("s_status").asText()).isNotEqualTo("OK");

    // B's own session: a worker of B's, never A's (same application), without A's reader.
    JsonNode openedB = callAs(USER_B, "hl_openSession", "{\"s_userName\":\"" + USER_B + "\",\"s_applicationId\":\"app\"}");
    assertThat(openedB.path("s_status").asText()).as(openedB.toString()).isEqualTo("OK");
    String sessionB = openedB.path("s_sessionId").asText();
    long workerB = workerPidOf(sessionB);
    assertThat(workerB).isNotEqualTo(workerA);
    assertThat(uidOfProcess(workerB)).as("B's worker runs as B").isEqualTo(uidB);
    JsonNode readersB = callAs(USER_B, "hl_getPcscReaders", "{\"s_sessionId\":\"" + sessionB + "\"}");
    assertThat(readersB.toString()).as("B's worker does not see A's reader").doesNotContain(READER_A);

    // A's logs are in A's home, owner-only.
    Path sessionsA = Path.of("/home", USER_A, ".libreconnect", "logs", "sessions");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sessionsA)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).as("A's worker logs").isNotEmpty();
    for (Path file : files) {
      assertThat(Files.getAttribute(file, "unix:uid")).as(file.toString()).isEqualTo(uidA);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
          .isEqualTo("rwx------");
    }
    assertThat(files.stream().map(f -> f.getFileName().toString())).contains("connector.log");
    assertThat(oldFolder).as("A's old log folder, pruned by A's worker").doesNotExist();

    for (String[] session : new String[][] {{USER_A, sessionA}, {USER_B, sessionB}}) {
      JsonNode closed = callAs(session[0], "hl_closeSession", "{\"s_sessionId\":\"" + session[1] + "\"}");
      assertThat(closed.path("s_status").asText()).isEqualTo("OK");
    }
  }

  /** One command through {@code POST /api/<command>}, sent by a process of {@code user}. */
  private JsonNode callAs(String user, String command, String body) throws Exception {
    Process curl = new ProcessBuilder("runuser", "-u", user, "--", "curl", "-sS", "--max-time", "40",
        "--cacert", shared.resolve("ca.crt").toString(),
        "--resolve", HOST + ":" + connector.port() + ":127.0.0.1",
        "-H", "Origin: " + ORIGIN, "-H", "Content-Type: application/json",
        "--data-binary", "@-", "https://" + HOST + ":" + connector.port() + "/api/" + command)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    curl.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    curl.getOutputStream().close();
    byte[] answer = curl.getInputStream().readAllBytes();
    assertThat(curl.waitFor(45, TimeUnit.SECONDS)).isTrue();
    assertThat(curl.exitValue()).as("curl as " + user).isZero();
    return JSON.readTree(answer);
  }

  private long workerPidOf(String sessionId) throws Exception {
    JsonNode status = JSON.readTree(rootClient.get("/status.json", null).body());
    for (JsonNode session : status.path("sessions")) {
      if (session.path("id").asText().equals(SessionIds.shortForm(sessionId))) {
        return session.path("workerPid").asLong();
      }
    }
    throw new AssertionError("no session on the status page: " + status);
  }

  /** A pcscd with a vpcd reader named for A, whose socket is {@code socketDirectory/pcscd.comm}. */
  private Process startPcscd(Path socketDirectory) throws Exception {
    int port = FreePort.onLoopback();
    Path conf = Files.createDirectories(shared.resolve("reader.conf.d"));
    Files.writeString(conf.resolve("vpcd-a"), "FRIENDLYNAME \"" + READER_A + "\"\n"
        + "DEVICENAME /dev/null:0x" + Integer.toHexString(port) + "\n"
        + "LIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so\n"
        + "CHANNELID 0x" + Integer.toHexString(port) + "\n");
    Files.createDirectories(Path.of("/run/pcscd"));
    // pcscd always listens on /run/pcscd/pcscd.comm: in its own mount namespace, that folder is A's.
    Process pcscd = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
        "mount --bind \"$1\" /run/pcscd && exec pcscd --foreground --config \"$2\"", "sh",
        socketDirectory.toString(), conf.toString())
        .redirectErrorStream(true)
        .redirectOutput(shared.resolve("pcscd-a.log").toFile())
        .start();
    Path socket = socketDirectory.resolve("pcscd.comm");
    for (int i = 0; i < 100 && !Files.exists(socket); i++) {
      Thread.sleep(50);
    }
    assertThat(socket).as("A's pcscd socket; log: " + Files.readString(shared.resolve("pcscd-a.log"))).exists();
    return pcscd;
  }

  private static String readableCopyOfClassPath(Path target) throws IOException {
    List<String> entries = new ArrayList<>();
    int index = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path source = Path.of(entry);
      Path copy = target.resolve((index++) + "-" + source.getFileName());
      if (Files.isDirectory(source)) {
        assertThat(run("cp", "-r", source.toString(), copy.toString())).isZero();
      } else if (Files.exists(source)) {
        Files.createDirectories(target);
        Files.copy(source, copy);
      } else {
        continue;
      }
      entries.add(copy.toString());
    }
    assertThat(run("chmod", "-R", "a+rX", target.toString())).isZero();
    return String.join(File.pathSeparator, entries);
  }

  private static Path open(Path directory) throws IOException {
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    return directory;
  }

  private static boolean worldReadable(Path directory) {
    for (Path p = directory; p != null; p = p.getParent()) {
      try {
        if (!PosixFilePermissions.toString(Files.getPosixFilePermissions(p)).endsWith("r-x")) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  private static int uidOf(String user) throws Exception {
    Process id = new ProcessBuilder("id", "-u", user).start();
    String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    assertThat(id.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return Integer.parseInt(out);
  }

  private static int uidOfProcess(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("Uid:")) {
        return Integer.parseInt(line.split("\\s+")[1]);
      }
    }
    throw new AssertionError("no Uid line for " + pid);
  }

  private static Map<String, String> capabilities(long pid) throws IOException {
    Map<String, String> sets = new java.util.HashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("Cap")) {
        String[] fields = line.split(":\\s*");
        sets.put(fields[0], fields[1].strip());
      }
    }
    return sets;
  }

  private static int run(String... command) throws IOException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
