package org.libreconnect.master.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
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
  void workersTrimTheirNativeHeapOnLinuxWithAJdkThatHasTheOption() {
    assertThat(WorkerCommandLine.memoryOptions(Runtime.Version.parse("25.0.3"), "Linux"))
        .containsExactly("-XX:TrimNativeHeapInterval=" + WorkerCommandLine.NATIVE_HEAP_TRIM_MILLIS);
    assertThat(WorkerCommandLine.memoryOptions(Runtime.Version.parse("21.0.5"), "Linux")).isEmpty();
    assertThat(WorkerCommandLine.memoryOptions(Runtime.Version.parse("25"), "Windows 11")).isEmpty();
  }
}
