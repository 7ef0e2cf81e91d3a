package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeHeapTrimTest {
  @Test
  void onlyOnLinuxWithAJdkThatHasTheOption() {
    assertThat(NativeHeapTrim.options(Runtime.Version.parse("25.0.3"), "Linux"))
        .containsExactly("-XX:TrimNativeHeapInterval=2000");
    assertThat(NativeHeapTrim.options(Runtime.Version.parse("22"), "linux")).hasSize(1);
    assertThat(NativeHeapTrim.options(Runtime.Version.parse("21.0.5"), "Linux")).isEmpty();
    assertThat(NativeHeapTrim.options(Runtime.Version.parse("25"), "Windows 11")).isEmpty();
  }
}
