package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCommandLineTest {

  private static final String MARKER = "-Dlibreconnect.home=/opt/lc";

  @Test
  void argumentFoundAsAWholeWord() {
    assertThat(ProcessCommandLine.containsArgument("java " + MARKER + " -cp x Main", MARKER))
        .isTrue();
    assertThat(ProcessCommandLine.containsArgument("java -cp x Main " + MARKER, MARKER)).isTrue();
    assertThat(ProcessCommandLine.containsArgument(MARKER, MARKER)).isTrue();
  }

  @Test
  void quotedArgumentIsFound() {
    assertThat(ProcessCommandLine.containsArgument("java.exe \"" + MARKER + "\" Main", MARKER))
        .isTrue();
  }

  @Test
  void longerArgumentSharingThePrefixIsNotFound() {
    assertThat(ProcessCommandLine.containsArgument("java " + MARKER + "2 Main", MARKER)).isFalse();
    assertThat(ProcessCommandLine.containsArgument("java " + MARKER + "/sub Main", MARKER))
        .isFalse();
    assertThat(ProcessCommandLine.containsArgument("java x" + MARKER + " Main", MARKER)).isFalse();
  }

  @Test
  void argumentFoundAfterAnEarlierPartialMatch() {
    assertThat(ProcessCommandLine.containsArgument("java " + MARKER + "2 " + MARKER, MARKER))
        .isTrue();
  }

  @Test
  void currentProcessHasItsOwnArguments() {
    String someArgument =
        ProcessHandle.current()
            .info()
            .arguments()
            .filter(a -> a.length > 0)
            .map(a -> a[0])
            .orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(someArgument != null, "arguments are readable");

    assertThat(ProcessCommandLine.has(ProcessHandle.current(), someArgument)).isTrue();
    assertThat(ProcessCommandLine.has(ProcessHandle.current(), "-Dno.such.argument=1")).isFalse();
  }
}
