package org.libreconnect.pkcs11;

/** Which PKCS#11 slot a module opens: by slot ID or by position in the library's slot list. */
public sealed interface SlotSelection {
  /** The SunPKCS11 configuration line that selects this slot. */
  String configLine();

  /** The slot whose PKCS#11 slot ID is {@code id} (SunPKCS11 {@code slot}). */
  static SlotSelection slotId(long id) {
    return new SlotId(id);
  }

  /** The {@code index}-th slot of {@code C_GetSlotList(FALSE)} (SunPKCS11 {@code slotListIndex}). */
  static SlotSelection slotListIndex(int index) {
    return new SlotListIndex(index);
  }

  /** A slot chosen by its PKCS#11 slot ID. */
  record SlotId(long id) implements SlotSelection {
    public SlotId {
      if (id < 0) {
        throw new IllegalArgumentException("a slot ID is not negative: " + id);
      }
    }

    @Override
    public String configLine() {
      return "slot = " + id;
    }
  }

  /** A slot chosen by its index in the library's slot list. */
  record SlotListIndex(int index) implements SlotSelection {
    public SlotListIndex {
      if (index < 0) {
        throw new IllegalArgumentException("a slot list index is not negative: " + index);
      }
    }

    @Override
    public String configLine() {
      return "slotListIndex = " + index;
    }
  }
}
