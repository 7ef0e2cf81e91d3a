package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.runtime.RunDirectory;

/** The launcher with a real process that is not a worker: what it prepares, when, and how it ends. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WorkerLauncherTest {
  @TempDir Path home;
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final WorkerLinkServer link = new WorkerLinkServer(new LinkCodec(1 << 20), new WireJson());

  @AfterEach
  void stop() {
    link.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  @Test
  void creatingDoesNoIoAndStartingRunsTheProcessAndReportsItsEnd() throws Exception {
    link.start(group);
    InstallationLayout layout = new InstallationLayout(home);
    layout.createDirectories();
    RunDirectory run = new RunDirectory(layout);
    // A script stands in for java: it reads the token line from standard input, notes it and
    // its arguments, and exits with status 3.
    Path fakeJava = home.resolve("fake-java");
    Files.writeString(fakeJava, "#!/bin/sh\nread token\necho \"$token\" > \"$(dirname \"$0\")/token-seen\"\n"
        + "echo \"$@\" > \"$(dirname \"$0\")/argv-seen\"\nexit 3\n");
    fakeJava.toFile().setExecutable(true);
    WorkerLauncher launcher =
        new WorkerLauncher(layout, run, link, fakeJava, "cp.jar", List.of(), Clock.systemUTC());

    WorkerHandle worker = launcher.create();
    assertThat(worker.pid()).isEqualTo(-1);
    assertThat(worker.state()).isEqualTo(WorkerHandle.State.STARTING);
    assertThat(worker.logDirectory()).doesNotExist();

    launcher.start(worker);
    assertThat(worker.pid()).isPositive();
    assertThat(worker.logDirectory()).isDirectory();
    worker.gone().get(10, TimeUnit.SECONDS);
    assertThat(worker.goneReason()).isEqualTo("exit status 3");
    String token = Files.readString(home.resolve("token-seen")).trim();
    assertThat(token).matches("[0-9a-f]{64}");
    assertThat(Files.readString(home.resolve("argv-seen"))).doesNotContain(token).contains("--link-port");
    assertThat(worker.ready()).isCompletedExceptionally();
    assertThat(Files.list(run.directory()).map(Path::getFileName).map(Path::toString))
        .as("its pid file is removed when it ends")
        .noneMatch(name -> name.contains(Long.toString(worker.pid())));
  }

  @Test
  void aProcessThatCannotStartIsAClearError() throws Exception {
    link.start(group);
    InstallationLayout layout = new InstallationLayout(home);
    layout.createDirectories();
    WorkerLauncher launcher =
        new WorkerLauncher(layout, new RunDirectory(layout), link, home.resolve("no-such-java"), "cp.jar",
            List.of(), Clock.systemUTC());
    WorkerHandle worker = launcher.create();
    try {
      launcher.start(worker);
      throw new AssertionError("expected a failure");
    } catch (WorkerLostException e) {
      assertThat(e).hasMessageContaining("Could not start a worker process");
    }
  }
}
