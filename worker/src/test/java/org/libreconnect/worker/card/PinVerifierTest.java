package org.libreconnect.worker.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinVerifierTest {

  @Test
  void matchesOnlyThePinItWasMadeFrom() {
    char[] pin = "1234".toCharArray();
    PinVerifier verifier = PinVerifier.of(pin);
    assertThat(pin).as("the caller's array is left for the caller to wipe").containsExactly('1', '2', '3', '4');
    assertThat(verifier.matches("1234".toCharArray())).isTrue();
    assertThat(verifier.matches("1235".toCharArray())).isFalse();
    assertThat(verifier.matches("12345".toCharArray())).isFalse();
    assertThat(verifier.matches(new char[0])).isFalse();
  }
}
