package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerCommandLineTest {

  @Test
  void classesAreSharedOnlyFromAClassPathOfJars() {
    String jars = String.join(File.pathSeparator, "/opt/libreconnect/lib/worker.jar", "/opt/libreconnect/lib/netty.jar");
    assertThat(WorkerCommandLine.canShareClasses(jars)).isTrue();
    assertThat(WorkerCommandLine.canShareClasses(jars + File.pathSeparator + "/build/worker/target/classes")).isFalse();
    assertThat(WorkerCommandLine.canShareClasses("")).isFalse();
  }

  @Test
  void theArchiveIsCreatedWhenMissingAndItsMessagesStayQuiet() {
    Path archive = Path.of("/home/u/.libreconnect/data", WorkerCommandLine.CLASS_ARCHIVE);
    List<String> options = WorkerCommandLine.classSharingOptions(archive);
    assertThat(options).contains("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off");
    WorkerCommandLine line =
        new WorkerCommandLine(Path.of("/usr/bin/java"), "/lib/w.jar", options, "-Dlibreconnect.home=/h", 4242, Path.of("/logs"), 7);
    List<String> argv = line.toArgv();
    assertThat(argv.indexOf("-XX:+AutoCreateSharedArchive")).isLessThan(argv.indexOf(WorkerCommandLine.MAIN_CLASS));
  }

  @Test
  void theFixedClassDataAddressIsAskedOnlyOfTheJdksItWasMeasuredOn() {
    assertThat(WorkerCommandLine.fixedClassDataAddressOptions(Runtime.Version.parse("25.0.1")))
        .containsExactly("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
    assertThat(WorkerCommandLine.fixedClassDataAddressOptions(Runtime.Version.parse("21"))).hasSize(2);
    assertThat(WorkerCommandLine.fixedClassDataAddressOptions(Runtime.Version.parse("17.0.12"))).isEmpty();
    assertThat(WorkerCommandLine.fixedClassDataAddressOptions(Runtime.Version.parse("26"))).isEmpty();
  }

  /** The JVM that runs the tests (the JDK the connector runs on) starts with them and maps its archive. */
  @Test
  void theJvmAcceptsTheFixedAddressOptions() throws Exception {
    List<String> fixed = WorkerCommandLine.fixedClassDataAddressOptions(Runtime.version());
    assertThat(fixed).as("the build's JDK is one of those measured").isNotEmpty();
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(fixed);
    argv.addAll(List.of("-Xshare:on", "-Xlog:cds=info", "-version"));
    Process java = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(java.exitValue()).as(output).isZero();
    assertThat(output).as(output).contains("ArchiveRelocationMode: 0").doesNotContain("alternative address");
  }
}
