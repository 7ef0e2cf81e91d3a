package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libreconnect.runtime.NativeHeapTrim;

/**
 * The launchers' {@code bin/jvm-memory-options.sh} gives the master and the server the same
 * native-heap option as {@link NativeHeapTrim} gives workers, for each JDK its {@code release}
 * file names (this machine is Linux).
 */
class JvmMemoryOptionsScriptTest {
  /** Surefire runs in the module's folder. */
  private static final Path SCRIPT = Path.of("src/main/dist/bin/jvm-memory-options.sh");

  @TempDir Path javaHome;

  @ParameterizedTest
  @ValueSource(strings = {"25.0.1", "22", "21.0.5", "17.0.12"})
  void theScriptSaysWhatNativeHeapTrimSays(String version) throws Exception {
    Files.writeString(javaHome.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    Process script = new ProcessBuilder("bash", SCRIPT.toString(), javaHome.toString()).redirectErrorStream(true).start();
    String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).as(output).isZero();
    List<String> expected = NativeHeapTrim.options(Runtime.Version.parse(version), System.getProperty("os.name"));
    assertThat(output.isEmpty() ? List.of() : List.of(output.split("\\s+"))).isEqualTo(expected);
  }
}
