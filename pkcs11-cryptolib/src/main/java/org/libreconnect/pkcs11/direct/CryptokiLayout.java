package org.libreconnect.pkcs11.direct;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * Where the fields of the few PKCS#11 structures read here lie in memory. {@code CK_ULONG} is a C
 * {@code unsigned long} (4 bytes on Windows, 8 on 64-bit Unix); Windows modules pack their
 * structures to 1 byte ({@code #pragma pack(1)} in the standard headers), Unix modules use natural
 * alignment.
 *
 * @param ulongSize the size of {@code CK_ULONG}
 * @param pointerSize the size of a pointer
 * @param packed whether structures are packed to 1 byte
 */
record CryptokiLayout(int ulongSize, int pointerSize, boolean packed) {
  /** This process's layout. */
  static CryptokiLayout current() {
    return new CryptokiLayout(Native.LONG_SIZE, Native.POINTER_SIZE, Platform.isWindows());
  }

  /** A {@code CK_RV} as returned, read as unsigned (vendor codes have the high bit set). */
  long returnValue(NativeLong rv) {
    return ulongSize == 4 ? rv.longValue() & 0xFFFF_FFFFL : rv.longValue();
  }

  /** {@code CK_ATTRIBUTE}: type, pValue, ulValueLen. */
  int attributeSize() {
    return align(valueLengthOffset() + ulongSize, Math.max(ulongSize, pointerSize));
  }

  int valuePointerOffset() {
    return align(ulongSize, pointerSize);
  }

  int valueLengthOffset() {
    return align(valuePointerOffset() + pointerSize, ulongSize);
  }

  /** The offset of function pointer {@code index} in {@code CK_FUNCTION_LIST} (after a 2-byte version). */
  int functionOffset(int index) {
    return align(2, pointerSize) + index * pointerSize;
  }

  /** {@code flags} follows 96 bytes of text in both {@code CK_SLOT_INFO} and {@code CK_TOKEN_INFO}. */
  int flagsOffsetAfterText() {
    return align(96, ulongSize);
  }

  private int align(int offset, int alignment) {
    if (packed) {
      return offset;
    }
    return (offset + alignment - 1) / alignment * alignment;
  }
}
