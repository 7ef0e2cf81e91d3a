package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedClassBaseTest {
  private static final Pattern MAPPED =
      Pattern.compile("Mapped (static|dynamic) +region #0 at base 0x([0-9a-f]+)");

  @TempDir Path dir;

  @Test
  void addressesAreDrawnAlignedInTheRange() {
    SplittableRandom random = new SplittableRandom(11);
    List<Long> addresses = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      long address = SharedClassBase.drawAddress(random);
      assertThat(address).isBetween(SharedClassBase.LOWEST_ADDRESS, SharedClassBase.HIGHEST_ADDRESS - SharedClassBase.ALIGNMENT);
      assertThat(address % SharedClassBase.ALIGNMENT).isZero();
      addresses.add(address);
    }
    assertThat(addresses.stream().distinct().count()).as("about 2.6 million places").isGreaterThan(9_900);
  }

  @Test
  void onlyOnLinuxX64WithAMeasuredJdk() {
    Runtime.Version jdk25 = Runtime.Version.parse("25.0.3");
    assertThat(SharedClassBase.available(jdk25, "Linux", "amd64")).isTrue();
    assertThat(SharedClassBase.available(jdk25, "Linux", "aarch64")).isFalse();
    assertThat(SharedClassBase.available(jdk25, "Windows 11", "amd64")).isFalse();
    assertThat(SharedClassBase.available(Runtime.Version.parse("26"), "Linux", "amd64")).isFalse();
  }

  /**
   * The build's JDK dumps the base at the drawn address; a JVM started with a worker's options
   * maps it there, writes the dynamic archive on it when it exits, and the next one maps both
   * at their recorded addresses (no relocation).
   */
  @Test
  void theJdkMapsTheBaseAndTheDynamicArchiveAtTheDrawnAddress() throws Exception {
    assertThat(SharedClassBase.availableHere()).as("the build runs where it was measured").isTrue();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path base = dir.resolve(SharedClassBase.FILE);
    long address = SharedClassBase.drawAddress(new SplittableRandom());
    SharedClassBase.dumpingWith(java).make(base, address);
    assertThat(dir.resolve(SharedClassBase.FILE + ".partial")).doesNotExist();
    Path archive = dir.resolve(WorkerCommandLine.CLASS_ARCHIVE);

    String first = run(java, SharedClassBase.workerOptions(base, archive, Runtime.version()));
    assertThat(mappedAt(first, "static")).as(first).isBetween(address, address + SharedClassBase.ALIGNMENT - 1);
    assertThat(archive).as("written when the first JVM exited").isNotEmptyFile();

    String second = run(java, SharedClassBase.workerOptions(base, archive, Runtime.version()));
    assertThat(mappedAt(second, "static")).as(second).isEqualTo(mappedAt(first, "static"));
    assertThat(mappedAt(second, "dynamic")).as(second).isGreaterThan(address).isLessThan(address + SharedClassBase.ALIGNMENT);
    assertThat(second).doesNotContain("relocat");
  }

  private static String run(Path java, List<String> options) throws Exception {
    List<String> argv = new ArrayList<>();
    argv.add(java.toString());
    argv.add("-XX:+UseSerialGC");
    argv.addAll(options);
    argv.add("-Xlog:cds=info"); // after the options' -Xlog:cds=off
    argv.add("-version");
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static long mappedAt(String output, String layer) {
    Matcher matcher = MAPPED.matcher(output);
    while (matcher.find()) {
      if (matcher.group(1).equals(layer)) {
        return Long.parseUnsignedLong(matcher.group(2), 16);
      }
    }
    throw new AssertionError("no " + layer + " region mapped:\n" + output);
  }
}
