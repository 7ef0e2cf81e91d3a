package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkMessages;

/** The link port over real loopback sockets: only a worker with its token gets in. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WorkerLinkServerTest {
  private static final int MAX_FRAME = 33 * 1024 * 1024;
  private static final String TOKEN = "a".repeat(64);
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final WireJson json = new WireJson();
  private final LinkCodec codec = new LinkCodec(MAX_FRAME);
  private final WorkerLinkServer server = new WorkerLinkServer(codec, json);

  @AfterEach
  void stop() {
    server.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  @Test
  void aLargeFrameBeforeTheTokenIsRefusedWithoutBeingRead() throws Exception {
    server.start(group);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeInt(MAX_FRAME - 1); // announces 33 MB, sends 1 KB of it
      out.write(new byte[1024]);
      out.flush();
      long start = System.nanoTime();
      assertClosed(socket);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
    }
  }

  @Test
  void aWrongTokenIsRefusedAndTheWorkerIsNotReady() throws Exception {
    server.start(group);
    FakeProcess process = new FakeProcess();
    WorkerHandle worker = expectWorker(process);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      send(socket, hello("b".repeat(64), process.pid()));
      assertClosed(socket);
    }
    assertThat(worker.ready()).isNotDone();
  }

  @Test
  void theRightTokenFromTheRightPidMakesTheWorkerReady() throws Exception {
    server.start(group);
    FakeProcess process = new FakeProcess();
    WorkerHandle worker = expectWorker(process);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      send(socket, hello(TOKEN, process.pid()));
      assertThat(worker.ready().get(5, TimeUnit.SECONDS)).isSameAs(worker);
      // after the token, large frames are the link's normal business
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      byte[] body = codec.encodeBody(new LinkFrame(LinkFrame.Kind.FINAL, 99, "", "x".repeat(100_000)));
      out.writeInt(body.length);
      out.write(body);
      out.flush();
      Thread.sleep(200);
      assertThat(worker.state()).isEqualTo(WorkerHandle.State.READY);
    }
  }

  @Test
  void aWorkerThatSaysItRehearsedIsAtWork() throws Exception {
    server.start(group);
    FakeProcess process = new FakeProcess();
    WorkerHandle worker = expectWorker(process);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      send(socket, hello(TOKEN, process.pid()));
      worker.ready().get(5, TimeUnit.SECONDS);
      assertThat(worker.wasAtWork()).isFalse();

      send(socket, new LinkFrame(LinkFrame.Kind.REQUEST, 0, "",
          json.write(new LinkMessages.Bare(LinkMessages.REHEARSED))));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!worker.wasAtWork() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(worker.wasAtWork()).isTrue();
      assertThat(worker.state()).isEqualTo(WorkerHandle.State.READY);
    }
  }

  /** A worker of {@code process} the server expects with {@link #TOKEN}. */
  private WorkerHandle expectWorker(FakeProcess process) {
    WorkerHandle worker = new WorkerHandle(1, process, java.nio.file.Path.of("logs"), Instant.now());
    server.expect(TOKEN, worker);
    return worker;
  }

  private LinkFrame hello(String token, long pid) {
    return new LinkFrame(LinkFrame.Kind.HELLO, 0, "",
        json.write(new LinkMessages.Hello(token, pid, "test")));
  }

  private void send(Socket socket, LinkFrame frame) throws Exception {
    byte[] body = codec.encodeBody(frame);
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  private static void assertClosed(Socket socket) throws Exception {
    socket.setSoTimeout(5000);
    InputStream in = socket.getInputStream();
    int read;
    try {
      read = in.read();
    } catch (java.net.SocketException reset) {
      read = -1;
    }
    assertThat(read).as("the master closed the connection").isEqualTo(-1);
  }
}
