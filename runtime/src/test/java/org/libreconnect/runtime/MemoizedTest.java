package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MemoizedTest {
  @Test
  void asksTheSourceOnceAndKeepsTheAnswer() {
    AtomicInteger asked = new AtomicInteger();
    Supplier<String> memoized = Memoized.of(() -> "made " + asked.incrementAndGet());

    assertThat(asked).hasValue(0);
    assertThat(memoized.get()).isEqualTo("made 1");
    assertThat(memoized.get()).isEqualTo("made 1");
    assertThat(asked).hasValue(1);
  }

  @Test
  void aSourceThatFailedIsAskedAgain() {
    AtomicInteger asked = new AtomicInteger();
    Supplier<String> memoized = Memoized.of(() -> {
      if (asked.incrementAndGet() == 1) {
        throw new IllegalStateException("not yet");
      }
      return "made";
    });

    assertThatThrownBy(memoized::get).isInstanceOf(IllegalStateException.class);
    assertThat(memoized.get()).isEqualTo("made");
    assertThat(asked).hasValue(2);
  }
}
