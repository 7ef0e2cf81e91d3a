package org.libreconnect.pkcs11;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a PKCS#11 library numbers the slot of each PC/SC reader. SunPKCS11 gives no public access
 * to slot descriptions or token labels, so readers are paired with slots by position in the PC/SC
 * reader list (docs/cryptolib.md, "Reader and slot pairing").
 */
public enum SlotRule {
  /**
   * The slot ID is the reader's index: read from the Cryptolib CPS v5.2 sources ({@code slot.c},
   * {@code pkcs11-global.c}), where slot ID {@code i} is accepted only below the reader count, is
   * served by reader {@code i}, survives other readers being unplugged, and is described with the
   * reader's name. Not yet checked against an installed Cryptolib.
   */
  SLOT_ID_IS_READER_INDEX,
  /**
   * The reader's index is its position in {@code C_GetSlotList(FALSE)}: OpenSC with one slot per
   * reader, and the SoftHSM2 test fixture, which labels its tokens after readers in slot order.
   */
  SLOT_LIST_INDEX_IS_READER_INDEX;

  /** The rule for a library, guessed from its file name: Cryptolib CPS files start with {@code cps3_pkcs11} or {@code libcps3_pkcs11}. */
  public static SlotRule forLibrary(Path library) {
    String path = library.toString();
    String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
        .toLowerCase(Locale.ROOT);
    return name.startsWith("cps3_pkcs11") || name.startsWith("libcps3_pkcs11")
        ? SLOT_ID_IS_READER_INDEX
        : SLOT_LIST_INDEX_IS_READER_INDEX;
  }

  /** The slot of the reader at {@code readerIndex} in the PC/SC reader list. */
  SlotSelection slotFor(int readerIndex) {
    return switch (this) {
      case SLOT_ID_IS_READER_INDEX -> SlotSelection.slotId(readerIndex);
      case SLOT_LIST_INDEX_IS_READER_INDEX -> SlotSelection.slotListIndex(readerIndex);
    };
  }
}
