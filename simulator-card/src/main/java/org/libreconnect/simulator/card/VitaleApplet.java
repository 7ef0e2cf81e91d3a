package org.libreconnect.simulator.card;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;

/**
 * One application of the simulated Vitale card: one transparent file, short file identifier 2,
 * that READ BINARY serves (by short identifier with the offset in P2, or by offset in the current
 * file). The card holds two instances under the two AIDs of {@link SimulatedVitaleCard}. The file
 * is written before the card is issued with {@code 80 D6 <offset> <data>} and frozen with {@code
 * 80 E0 00 00}; after that only reads are accepted. The APDUs are listed in {@code
 * docs/vitale.md}.
 */
public final class VitaleApplet extends Applet {
  static final byte SHORT_FILE_ID = 2;
  static final short CAPACITY = 2048;

  private static final byte CLA_ISSUER = (byte) 0x80;
  private static final byte INS_READ_BINARY = (byte) 0xB0;
  private static final byte INS_WRITE = (byte) 0xD6;
  private static final byte INS_FREEZE = (byte) 0xE0;

  private final byte[] file = new byte[CAPACITY];
  private short length;
  private boolean frozen;

  private VitaleApplet() {}

  /** Java Card entry point: creates and registers the applet. */
  public static void install(byte[] parameters, short offset, byte length) {
    new VitaleApplet().register();
  }

  @Override
  public void process(APDU apdu) {
    if (selectingApplet()) {
      return;
    }
    byte[] buffer = apdu.getBuffer();
    byte cla = buffer[ISO7816.OFFSET_CLA];
    byte ins = buffer[ISO7816.OFFSET_INS];
    if (cla == CLA_ISSUER) {
      issue(apdu, ins);
      return;
    }
    if (cla != 0) {
      ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
    }
    if (ins == ISO7816.INS_SELECT) {
      ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND); // only applications are selected, by AID
    }
    if (ins != INS_READ_BINARY) {
      ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
    if (!frozen) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
    readBinary(apdu);
  }

  private void readBinary(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    byte p1 = buffer[ISO7816.OFFSET_P1];
    short offset;
    if ((p1 & 0x80) != 0) {
      if ((p1 & 0x60) != 0 || (p1 & 0x1F) != SHORT_FILE_ID) {
        ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
      }
      offset = (short) (buffer[ISO7816.OFFSET_P2] & 0xFF);
    } else {
      offset = Util.getShort(buffer, ISO7816.OFFSET_P1);
    }
    if (offset > length) {
      ISOException.throwIt(ISO7816.SW_WRONG_P1P2);
    }
    short wanted = apdu.setOutgoing();
    short count = (short) Math.min(wanted, length - offset);
    apdu.setOutgoingLength(count);
    apdu.sendBytesLong(file, offset, count);
  }

  private void issue(APDU apdu, byte ins) {
    if (frozen) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    byte[] buffer = apdu.getBuffer();
    if (ins == INS_FREEZE) {
      frozen = true;
      return;
    }
    if (ins != INS_WRITE) {
      ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
    short offset = Util.getShort(buffer, ISO7816.OFFSET_P1);
    short count = apdu.setIncomingAndReceive();
    if (offset < 0 || offset + count > CAPACITY) {
      ISOException.throwIt(ISO7816.SW_FILE_FULL);
    }
    Util.arrayCopy(buffer, apdu.getOffsetCdata(), file, offset, count);
    if (offset + count > length) {
      length = (short) (offset + count);
    }
  }
}
