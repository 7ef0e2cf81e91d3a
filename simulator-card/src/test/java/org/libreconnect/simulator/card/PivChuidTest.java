package org.libreconnect.simulator.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PivChuidTest {
  @Test
  void fascNHasFortyOddParityCharactersFramedBySentinelsWithAValidLrc() {
    byte[] fascN = PivChuid.fascN("8000123456");
    assertThat(fascN).hasSize(25);
    int[] characters = new int[40];
    int lrc = 0;
    for (int c = 0; c < 40; c++) {
      int bits = 0;
      int ones = 0;
      for (int b = 0; b < 5; b++) {
        int bit = c * 5 + b;
        int value = (fascN[bit / 8] >> (7 - bit % 8)) & 1;
        ones += value;
        if (b < 4) {
          bits |= value << b;
        }
      }
      assertThat(ones % 2).as("odd parity of character %d", c).isEqualTo(1);
      characters[c] = bits;
      if (c < 39) {
        lrc ^= bits;
      }
    }
    assertThat(characters[0]).as("start sentinel").isEqualTo(0xB);
    assertThat(characters[5]).as("field separator").isEqualTo(0xD);
    assertThat(characters[38]).as("end sentinel").isEqualTo(0xF);
    assertThat(characters[39]).as("LRC").isEqualTo(lrc);
    assertThat(new int[] {characters[1], characters[2], characters[3], characters[4]})
        .containsOnly(9);
    // person identifier = the ten serial digits
    StringBuilder person = new StringBuilder();
    for (int c = 22; c < 32; c++) {
      person.append(characters[c]);
    }
    assertThat(person).hasToString("8000123456");
  }

  @Test
  void guidIsStablePerSerialAndChuidCarriesExpiry() {
    assertThat(PivChuid.guid("8000123456")).isEqualTo(PivChuid.guid("8000123456")).hasSize(16);
    assertThat(PivChuid.guid("8000123456")).isNotEqualTo(PivChuid.guid("8000123457"));
    byte[] chuid = PivChuid.encode("8000123456", LocalDate.of(2030, 1, 2));
    assertThat(new String(chuid, java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("20300102");
    assertThat(chuid).startsWith(0x53, 0x3B, 0x30, 0x19).endsWith(0x3E, 0x00, 0xFE, 0x00);
  }
}
