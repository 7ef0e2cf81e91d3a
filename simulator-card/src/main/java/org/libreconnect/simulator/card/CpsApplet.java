package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import javacard.framework.AID;
import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Shareable;
import javacard.framework.Util;
import javacardx.apdu.ExtendedLength;

/**
 * The simulated CPS application: holder data in transparent files, two certificates, two RSA-2048
 * keys that sign host-padded blocks, and one PIN. It is personalised through CLA 80 commands until
 * END PERSONALISATION. The APDUs are listed in {@code docs/simulated-card.md}.
 */
public final class CpsApplet extends Applet implements ExtendedLength, CardServices {
  private static final byte CLA_PROPRIETARY = (byte) 0x80;
  private static final byte INS_SELECT = (byte) 0xA4;
  private static final byte INS_READ_BINARY = (byte) 0xB0;
  private static final byte INS_GET_DATA = (byte) 0xCA;
  private static final byte INS_VERIFY = 0x20;
  private static final byte INS_MSE = 0x22;
  private static final byte INS_PSO = 0x2A;
  private static final short NONE = -1;
  private static final short SELECTED_FILE = 0;
  private static final short SELECTED_KEY = 1;

  private final PinGuard pin = new PinGuard();
  private final CardFiles files = new CardFiles();
  private final SigningKeys keys = new SigningKeys();
  private final ApduIo io = new ApduIo((short) 3072);
  private final short[] selection =
      JCSystem.makeTransientShortArray((short) 2, JCSystem.CLEAR_ON_RESET);
  private boolean personalised;

  private CpsApplet() {}

  /** Java Card entry point: creates and registers the applet. */
  public static void install(byte[] parameters, short offset, byte length) {
    new CpsApplet().register();
  }

  @Override
  public boolean select() {
    io.clear();
    selection[SELECTED_FILE] = NONE;
    selection[SELECTED_KEY] = NONE;
    return true;
  }

  @Override
  public void process(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (selectingApplet()) {
      sendFci(apdu);
      return;
    }
    byte ins = buffer[ISO7816.OFFSET_INS];
    if (ins == ApduIo.INS_GET_RESPONSE) {
      io.sendPending(apdu);
      return;
    }
    byte cla = (byte) (buffer[ISO7816.OFFSET_CLA] & (byte) 0xEF); // without the chaining bit
    if (cla == CLA_PROPRIETARY) {
      personalise(apdu, ins);
      return;
    }
    if (cla != 0) {
      ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
    }
    if (!personalised) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
    switch (ins) {
      case INS_SELECT -> selectFile(apdu);
      case INS_READ_BINARY -> readBinary(apdu);
      case INS_GET_DATA -> getData(apdu);
      case INS_VERIFY -> verify(apdu);
      case INS_MSE -> manageSecurityEnvironment(apdu);
      case INS_PSO -> computeSignature(apdu);
      default -> ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
  }

  @Override
  public Shareable getShareableInterfaceObject(AID client, byte parameter) {
    byte[] piv = CpsCardLayout.pivAid();
    return client != null && client.equals(piv, (short) 0, (byte) piv.length) ? this : null;
  }

  // ---- CardServices, for the PIV applet ----

  @Override
  public short verifyPin(byte[] buffer, short offset, short length) {
    return pin.verify(buffer, offset, length);
  }

  @Override
  public void resetPin() {
    pin.reset();
  }

  @Override
  public short sign(
      byte reference, byte[] block, short offset, short length, byte[] out, short outOffset) {
    if (!pin.isValidated()) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    return keys.sign(reference, block, offset, length, out, outOffset);
  }

  @Override
  public short publicFileLength(short fid) {
    short index = CpsCardLayout.isPrivate(fid) ? CardFiles.NOT_FOUND : files.indexOf(fid);
    return index == CardFiles.NOT_FOUND ? -1 : (short) files.content(index).length;
  }

  @Override
  public short readPublicFile(short fid, short from, byte[] out, short outOffset, short length) {
    short available = publicFileLength(fid);
    if (available < 0 || from > available) {
      ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }
    short count = (short) (available - from) < length ? (short) (available - from) : length;
    Util.arrayCopyNonAtomic(files.content(files.indexOf(fid)), from, out, outOffset, count);
    return count;
  }

  // ---- ISO 7816 commands ----

  private void sendFci(APDU apdu) {
    byte[] fci = io.responseBuffer();
    byte aidLength = JCSystem.getAID().getBytes(fci, (short) 4);
    fci[0] = 0x6F;
    fci[1] = (byte) (aidLength + 2);
    fci[2] = (byte) 0x84;
    fci[3] = aidLength;
    io.send(apdu, fci, (short) 0, (short) (aidLength + 4));
  }

  /** SELECT FILE by identifier (P1 02 or 00); P2 0C answers nothing, 04 or 00 the FCP. */
  private void selectFile(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    byte p1 = buffer[ISO7816.OFFSET_P1];
    byte p2 = buffer[ISO7816.OFFSET_P2];
    if ((p1 != 0x00 && p1 != 0x02) || (p2 != 0x0C && p2 != 0x04 && p2 != 0x00)) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    short length = io.receive(apdu);
    if (length != 2) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    short fid = Util.getShort(io.data(), (short) 0);
    selection[SELECTED_FILE] = NONE;
    if (CpsCardLayout.isPrivate(fid) && !pin.isValidated()) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    short index = files.indexOf(fid);
    if (index == CardFiles.NOT_FOUND) {
      ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }
    selection[SELECTED_FILE] = index;
    if (p2 != 0x0C) {
      byte[] fcp = io.responseBuffer();
      io.send(apdu, fcp, (short) 0, files.writeFcp(index, fcp));
    }
  }

  /** READ BINARY of the selected file from offset P1P2 (15 bits), at most Le bytes. */
  private void readBinary(APDU apdu) {
    short index = selection[SELECTED_FILE];
    if (index == NONE) {
      ISOException.throwIt(ISO7816.SW_COMMAND_NOT_ALLOWED);
    }
    if (CpsCardLayout.isPrivate(files.id(index)) && !pin.isValidated()) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    byte[] content = files.content(index);
    short from = Util.getShort(apdu.getBuffer(), ISO7816.OFFSET_P1);
    if (from < 0 || from > (short) content.length) {
      ISOException.throwIt(ISO7816.SW_WRONG_P1P2);
    }
    short le = apdu.setOutgoing();
    short available = (short) (content.length - from);
    short count = le <= 0 || le > available ? available : le;
    apdu.setOutgoingLength(count);
    apdu.sendBytesLong(content, from, count);
  }

  /** GET DATA DF20: tries left, try limit, 01 when the PIN is verified. */
  private void getData(APDU apdu) {
    if (Util.getShort(apdu.getBuffer(), ISO7816.OFFSET_P1) != CpsCardLayout.DATA_PIN_STATUS) {
      ISOException.throwIt(ISO7816.SW_RECORD_NOT_FOUND);
    }
    byte[] status = io.responseBuffer();
    status[0] = pin.triesRemaining();
    status[1] = CpsCardLayout.PIN_TRY_LIMIT;
    status[2] = (byte) (pin.isValidated() ? 1 : 0);
    io.send(apdu, status, (short) 0, (short) 3);
  }

  /** VERIFY P2 01: ASCII digits, empty for the status; P1 FF forgets the verification. */
  private void verify(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (buffer[ISO7816.OFFSET_P2] != CpsCardLayout.PIN_REFERENCE) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    byte p1 = buffer[ISO7816.OFFSET_P1];
    short length = io.receive(apdu);
    if (p1 == (byte) 0xFF && length == 0) {
      pin.reset();
      return;
    }
    if (p1 != 0x00) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    short status = pin.verify(io.data(), (short) 0, length);
    Util.arrayFillNonAtomic(io.data(), (short) 0, length, (byte) 0);
    if (status != PinGuard.SW_OK) {
      ISOException.throwIt(status);
    }
  }

  /** MSE SET for signing (41 B6) with a key reference TLV {@code 84 01 <10|20>}. */
  private void manageSecurityEnvironment(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (buffer[ISO7816.OFFSET_P1] != 0x41 || buffer[ISO7816.OFFSET_P2] != (byte) 0xB6) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    short length = io.receive(apdu);
    byte[] data = io.data();
    short reference = Tlv.find(data, (short) 0, length, (byte) 0x84);
    if (reference < 0 || data[reference] != 1) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    byte key = data[(short) (reference + 1)];
    if (key != CpsCardLayout.KEY_AUTHENTICATION && key != CpsCardLayout.KEY_SIGNATURE) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    selection[SELECTED_KEY] = key;
  }

  /** PSO COMPUTE DIGITAL SIGNATURE (9E 9A) of a 256-byte host-padded block. */
  private void computeSignature(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (buffer[ISO7816.OFFSET_P1] != (byte) 0x9E || buffer[ISO7816.OFFSET_P2] != (byte) 0x9A) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    short length = io.receive(apdu);
    if (length < 0) {
      return;
    }
    if (!pin.isValidated()) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    if (selection[SELECTED_KEY] == NONE) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
    byte[] out = io.responseBuffer();
    short signatureLength =
        keys.sign((byte) selection[SELECTED_KEY], io.data(), (short) 0, length, out, (short) 0);
    io.send(apdu, out, (short) 0, signatureLength);
  }

  // ---- personalisation ----

  private void personalise(APDU apdu, byte ins) {
    if (personalised) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
    byte[] buffer = apdu.getBuffer();
    short p1p2 = Util.getShort(buffer, ISO7816.OFFSET_P1);
    short length = io.receive(apdu);
    if (length < 0) {
      return;
    }
    byte[] data = io.data();
    switch (ins) {
      case CpsCardLayout.INS_PUT_FILE -> files.put(p1p2, data, (short) 0, length);
      case CpsCardLayout.INS_IMPORT_KEY -> keys.importKey((byte) p1p2, data, (short) 0, length);
      case CpsCardLayout.INS_SET_PIN -> pin.set(data, (short) 0, length);
      case CpsCardLayout.INS_END_PERSONALISATION -> endPersonalisation();
      default -> ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
    Util.arrayFillNonAtomic(data, (short) 0, length, (byte) 0);
  }

  private void endPersonalisation() {
    if (!keys.isComplete()
        || !pin.isInitialised()
        || files.indexOf(CpsCardLayout.FID_INFO) == CardFiles.NOT_FOUND) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
    personalised = true;
  }
}
