package org.libreconnect.simulator.card;

import javacard.framework.APDU;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;

/**
 * Command and response plumbing for one applet: assembles chained ({@code CLA|0x10}) and
 * extended-length command data into one buffer, and sends responses longer than Le as {@code 61xx}
 * followed by GET RESPONSE.
 */
final class ApduIo {
  static final byte INS_GET_RESPONSE = (byte) 0xC0;
  private static final byte CLA_CHAINING = 0x10;
  private static final short IN_LENGTH = 0;
  private static final short CHAIN_INS = 1;
  private static final short OUT_OFFSET = 2;
  private static final short OUT_LENGTH = 3;

  private final byte[] in;
  private final byte[] out;
  private final short[] state = new short[4];

  ApduIo(short capacity) {
    in = new byte[capacity];
    out = new byte[capacity];
  }

  /** The assembled command data. */
  byte[] data() {
    return in;
  }

  /** A scratch buffer for building a response; pass it to {@link #send}. */
  byte[] responseBuffer() {
    return out;
  }

  /** Forgets any partial chain and pending response (on select and on errors). */
  void clear() {
    state[IN_LENGTH] = 0;
    state[CHAIN_INS] = -1;
    state[OUT_LENGTH] = 0;
  }

  /**
   * Receives this command's data after the data of earlier chained commands. Returns the total
   * length, or -1 when the command announces more chained data (the caller then returns 9000).
   */
  short receive(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    short ins = (short) (buffer[ISO7816.OFFSET_INS] & 0xFF);
    if (state[CHAIN_INS] != ins) {
      state[IN_LENGTH] = 0;
    }
    short position = state[IN_LENGTH];
    short length = apdu.setIncomingAndReceive();
    short offset = apdu.getOffsetCdata();
    while (length > 0) {
      if ((short) (position + length) > (short) in.length) {
        clear();
        ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
      }
      Util.arrayCopyNonAtomic(buffer, offset, in, position, length);
      position += length;
      length = apdu.receiveBytes(offset);
    }
    if ((buffer[ISO7816.OFFSET_CLA] & CLA_CHAINING) != 0) {
      state[IN_LENGTH] = position;
      state[CHAIN_INS] = ins;
      return -1;
    }
    state[IN_LENGTH] = 0;
    state[CHAIN_INS] = -1;
    return position;
  }

  /**
   * Sends {@code length} bytes of {@code source}; what does not fit in Le waits for GET RESPONSE.
   */
  void send(APDU apdu, byte[] source, short offset, short length) {
    if (source != out || offset != 0) {
      Util.arrayCopyNonAtomic(source, offset, out, (short) 0, length);
    }
    state[OUT_OFFSET] = 0;
    state[OUT_LENGTH] = length;
    sendPending(apdu);
  }

  /** Answers GET RESPONSE with the next part of the pending response. */
  void sendPending(APDU apdu) {
    short pending = state[OUT_LENGTH];
    if (pending == 0) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
    short le = apdu.setOutgoing();
    if (le <= 0 || le > pending) {
      le = pending;
    }
    apdu.setOutgoingLength(le);
    apdu.sendBytesLong(out, state[OUT_OFFSET], le);
    state[OUT_OFFSET] += le;
    state[OUT_LENGTH] -= le;
    pending = state[OUT_LENGTH];
    if (pending > 0) {
      ISOException.throwIt((short) (ISO7816.SW_BYTES_REMAINING_00 | (pending > 255 ? 0 : pending)));
    }
  }
}
