package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulation.identity.PracticeLocation;

class CpsCardDataTest {
  private final CpsIdentity doctor = CpsIdentity.testDoctor(LocalDate.of(2031, 5, 17));

  @Test
  void activityIsTheDocumentedEeTemplate() {
    byte[] activity = CpsCardData.activity(new PracticeLocation("CAB", "4999", "SA07", "SA08"));
    assertThat(HexFormat.of().formatHex(activity))
        .isEqualTo("ee17" + "8403434142" + "850434393939" + "860453413037" + "870453413038");
  }

  @Test
  void cardFileHoldsSerialValidityAndType() {
    byte[] card = CpsCardData.card(doctor, doctor.validUntil());
    assertThat(HexFormat.of().formatHex(card))
        .isEqualTo(
            "e219"
                + "800a"
                + HexFormat.of().formatHex("8000123456".getBytes())
                + "8108"
                + HexFormat.of().formatHex("20310517".getBytes())
                + "820101");
  }

  @Test
  void infoEncodesUtf8AndDecodesBack() {
    byte[] info = CpsCardData.info(doctor);
    assertThat(info[0]).isEqualTo((byte) 0xE1);
    CpsIdentity decoded =
        CpsCardData.decode(
            info,
            CpsCardData.card(doctor, doctor.validUntil()),
            doctor.practiceLocations().stream().map(CpsCardData::activity).toList());
    assertThat(decoded).isEqualTo(doctor);
    assertThat(decoded.professionLabel()).isEqualTo("Médecin");
  }

  @Test
  void malformedFilesAreRejected() {
    byte[] card = CpsCardData.card(doctor, doctor.validUntil());
    assertThatThrownBy(() -> CpsCardData.decode(card, card, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("E1");
    byte[] truncated = HexFormat.of().parseHex("e10580039999");
    assertThatThrownBy(() -> CpsCardData.decode(truncated, card, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
