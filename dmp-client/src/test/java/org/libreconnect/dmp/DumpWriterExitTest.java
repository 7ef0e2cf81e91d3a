package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process that exits right after queuing its dumps still writes them, whole. */
class DumpWriterExitTest {
  @TempDir Path folder;

  /** Queues three slow dumps, then exits at once, as a worker does when its link ends. */
  public static void main(String[] args) {
    Path folder = Path.of(args[0]);
    for (int i = 0; i < 3; i++) {
      String name = "dump-" + i + ".xml";
      DumpWriter.write(folder.resolve(name), () -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return ("<dump>" + name + "</dump>").getBytes(StandardCharsets.UTF_8);
      });
    }
    System.exit(0);
  }

  @Test
  void systemExitWaitsForTheQueuedDumps() throws Exception {
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            DumpWriterExitTest.class.getName(), folder.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    List<String> names;
    try (Stream<Path> files = Files.list(folder)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(names).as("no temporary file left").containsExactly("dump-0.xml", "dump-1.xml", "dump-2.xml");
    assertThat(Files.readString(folder.resolve("dump-2.xml"))).isEqualTo("<dump>dump-2.xml</dump>");
  }
}
