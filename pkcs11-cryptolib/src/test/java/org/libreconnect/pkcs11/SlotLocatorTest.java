package org.libreconnect.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libreconnect.pkcs11.exceptions.ReaderNotFoundException;

class SlotLocatorTest {
  private static final List<String> READERS = List.of(
      "Gemalto USB Smart Card Reader 0", "Virtual PCD 00 00", "Virtual PCD 00 01");

  @Test
  void theCryptolibRuleUsesTheReaderIndexAsSlotId() {
    SlotLocator locator = new SlotLocator(SlotRule.SLOT_ID_IS_READER_INDEX);
    assertThat(locator.locate("Virtual PCD 00 01", READERS)).isEqualTo(SlotSelection.slotId(2));
  }

  @Test
  void theSlotListRuleUsesTheReaderIndexAsSlotListIndex() {
    SlotLocator locator = new SlotLocator(SlotRule.SLOT_LIST_INDEX_IS_READER_INDEX);
    assertThat(locator.locate("Gemalto USB Smart Card Reader 0", READERS)).isEqualTo(SlotSelection.slotListIndex(0));
  }

  @Test
  void aNameDifferingOnlyInCaseOrPaddingStillMatchesOneReader() {
    SlotLocator locator = new SlotLocator(SlotRule.SLOT_ID_IS_READER_INDEX);
    assertThat(locator.locate("  virtual pcd 00 00 ", READERS)).isEqualTo(SlotSelection.slotId(1));
  }

  @Test
  void anUnknownOrAmbiguousReaderIsReportedWithTheReadersPresent() {
    SlotLocator locator = new SlotLocator(SlotRule.SLOT_ID_IS_READER_INDEX);
    assertThatThrownBy(() -> locator.locate("CPS", READERS))
        .isInstanceOf(ReaderNotFoundException.class)
        .hasMessageContaining("no PC/SC reader is named \"CPS\"")
        .hasMessageContaining("Virtual PCD 00 00");
    assertThatThrownBy(() -> locator.locate("reader", List.of("Reader", "READER ")))
        .isInstanceOf(ReaderNotFoundException.class)
        .hasMessageContaining("several");
  }

  @Test
  void theRuleIsGuessedFromTheLibraryFileName() {
    assertThat(SlotRule.forLibrary(Path.of("C:\\Windows\\System32\\cps3_pkcs11_w64.dll")))
        .isEqualTo(SlotRule.SLOT_ID_IS_READER_INDEX);
    assertThat(SlotRule.forLibrary(Path.of("/usr/local/galss/libcps3_pkcs11_lux.so")))
        .isEqualTo(SlotRule.SLOT_ID_IS_READER_INDEX);
    assertThat(SlotRule.forLibrary(Path.of("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so")))
        .isEqualTo(SlotRule.SLOT_LIST_INDEX_IS_READER_INDEX);
  }
}
