package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
  @TempDir Path logs;

  @Test
  void listsLogsAndTheirRotationsButNotTemporaryFilesOrDumps() throws Exception {
    Files.writeString(logs.resolve("service.log"), "a\n");
    Files.writeString(logs.resolve("service.log.2"), "b\n");
    Path session = Files.createDirectories(logs.resolve("sessions").resolve("app-1"));
    Files.writeString(session.resolve("connector.log"), "c\n");
    Files.writeString(logs.resolve("pcscd.txt"), "d\n");
    Path dumps = Files.createDirectories(logs.resolve("dumps"));
    Files.writeString(dumps.resolve("20261204-TD0.2-request.xml"), "<x/>");
    Files.writeString(dumps.resolve(".20261204-TD0.2-response.xml.123.tmp"), "<x/>");
    Files.writeString(logs.resolve(".service.log.9.tmp"), "e\n");

    assertThat(LogFiles.under(logs, 4))
        .extracting(p -> logs.relativize(p).toString())
        .containsExactlyInAnyOrder("service.log", "service.log.2", "sessions/app-1/connector.log", "pcscd.txt");
    assertThat(LogFiles.under(logs, 1)).hasSize(3);
    assertThat(LogFiles.readAll(logs, 4)).contains("a\n", "b\n", "c\n", "d\n").doesNotContain("e\n");
    assertThat(LogFiles.under(logs.resolve("absent"), 4)).isEmpty();
  }

  /** What the background dump writer does under logs/: a temporary file, then a rename. */
  @Test
  void aFileRenamedDuringTheWalkIsLeftOutWithoutFailingTheWalk() throws Exception {
    Files.writeString(logs.resolve("service.log"), "kept\n");
    Path dumps = Files.createDirectories(logs.resolve("dumps"));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try {
        for (int i = 0; !stop.get(); i++) {
          Path temporary = Files.writeString(dumps.resolve(".dump-" + i + ".xml.tmp"), "<x/>");
          Files.move(temporary, dumps.resolve("dump-" + i + ".xml"));
          Files.delete(dumps.resolve("dump-" + i + ".xml"));
        }
      } catch (Throwable e) {
        writerFailure.set(e);
      }
    });
    writer.start();
    try {
      long end = System.nanoTime() + 700_000_000L;
      int walks = 0;
      while (System.nanoTime() < end) {
        assertThat(LogFiles.readAll(logs, 4)).isEqualTo("kept\n");
        walks++;
      }
      assertThat(walks).isPositive();
    } finally {
      stop.set(true);
      writer.join();
    }
    assertThat(writerFailure.get()).isNull();
  }
}
