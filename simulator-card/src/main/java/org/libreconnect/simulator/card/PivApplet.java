package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import javacard.framework.AID;
import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacardx.apdu.ExtendedLength;

/**
 * The PIV (SP 800-73) view of the same card, enough for OpenSC's {@code piv} driver: key 9A is the
 * CPS authentication key, 9C the signature key, and the PIN is the CPS PIN with the same try
 * counter. It holds no secrets: everything goes through the CPS applet's {@link CardServices}.
 */
public final class PivApplet extends Applet implements ExtendedLength {
  private static final byte INS_GET_DATA = (byte) 0xCB;
  private static final byte INS_VERIFY = 0x20;
  private static final byte INS_GENERAL_AUTHENTICATE = (byte) 0x87;
  private static final byte PIV_PIN = (byte) 0x80;
  private static final byte RSA_2048 = 0x07;
  private static final byte KEY_9A = (byte) 0x9A;
  private static final byte KEY_9C = (byte) 0x9C;

  /** Application property template: PIV AID PIX and the NIST RID as authority. */
  private static final byte[] APT = {
    0x61, 0x11, 0x4F, 0x06, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00,
    0x79, 0x07, 0x4F, 0x05, (byte) 0xA0, 0x00, 0x00, 0x03, 0x08
  };

  /** Discovery object: the PIV AID and a PIN usage policy of "PIV application PIN only". */
  private static final byte[] DISCOVERY = {
    0x7E, 0x12, 0x4F, 0x0B, (byte) 0xA0, 0x00, 0x00, 0x03, 0x08, 0x00,
    0x00, 0x10, 0x00, 0x01, 0x00, 0x5F, 0x2F, 0x02, 0x40, 0x00
  };

  private final ApduIo io = new ApduIo((short) 3072);
  private CardServices card;

  private PivApplet() {}

  /** Java Card entry point: creates and registers the applet. */
  public static void install(byte[] parameters, short offset, byte length) {
    new PivApplet().register();
  }

  @Override
  public boolean select() {
    io.clear();
    return true;
  }

  @Override
  public void process(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (selectingApplet()) {
      io.send(apdu, APT, (short) 0, (short) APT.length);
      return;
    }
    byte ins = buffer[ISO7816.OFFSET_INS];
    if (ins == ApduIo.INS_GET_RESPONSE) {
      io.sendPending(apdu);
      return;
    }
    if ((buffer[ISO7816.OFFSET_CLA] & (byte) 0xEF) != 0) {
      ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
    }
    switch (ins) {
      case INS_GET_DATA -> getData(apdu);
      case INS_VERIFY -> verify(apdu);
      case INS_GENERAL_AUTHENTICATE -> generalAuthenticate(apdu);
      default -> ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
  }

  /** GET DATA 3F FF with {@code 5C <tag>}: discovery, CHUID and the two certificates. */
  private void getData(APDU apdu) {
    if (Util.getShort(apdu.getBuffer(), ISO7816.OFFSET_P1) != (short) 0x3FFF) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    short length = io.receive(apdu);
    byte[] data = io.data();
    if (length < 3 || data[0] != 0x5C || data[1] != (byte) (length - 2)) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    if (length == 3 && data[2] == 0x7E) {
      io.send(apdu, DISCOVERY, (short) 0, (short) DISCOVERY.length);
      return;
    }
    if (length != 5 || data[2] != 0x5F || data[3] != (byte) 0xC1) {
      ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }
    switch (data[4]) {
      case 0x02 -> sendFile(apdu, CpsCardLayout.FID_PIV_CHUID);
      case 0x05 -> sendCertificate(apdu, CpsCardLayout.FID_AUTHENTICATION_CERTIFICATE);
      case 0x0A -> sendCertificate(apdu, CpsCardLayout.FID_SIGNATURE_CERTIFICATE);
      default -> ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }
  }

  private void sendFile(APDU apdu, short fid) {
    CardServices services = services();
    short length = services.publicFileLength(fid);
    if (length < 0) {
      ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }
    byte[] out = io.responseBuffer();
    services.readPublicFile(fid, (short) 0, out, (short) 0, length);
    io.send(apdu, out, (short) 0, length);
  }

  /** {@code 53 { 70 <certificate DER>, 71 01 00 (not compressed), FE 00 }}. */
  private void sendCertificate(APDU apdu, short fid) {
    CardServices services = services();
    short certificateLength = services.publicFileLength(fid);
    if (certificateLength < 0) {
      ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }
    byte[] out = io.responseBuffer();
    out[0] = 0x53;
    short position = Tlv.putLength(out, (short) 1, (short) (certificateLength + 9));
    out[position++] = 0x70;
    position = Tlv.putLength(out, position, certificateLength);
    position += services.readPublicFile(fid, (short) 0, out, position, certificateLength);
    out[position++] = 0x71;
    out[position++] = 0x01;
    out[position++] = 0x00;
    out[position++] = (byte) 0xFE;
    out[position++] = 0x00;
    io.send(apdu, out, (short) 0, position);
  }

  /** VERIFY P2 80: 8 bytes padded with FF, empty for the status; P1 FF forgets the verification. */
  private void verify(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (buffer[ISO7816.OFFSET_P2] != PIV_PIN) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    byte p1 = buffer[ISO7816.OFFSET_P1];
    short length = io.receive(apdu);
    if (p1 == (byte) 0xFF && length == 0) {
      services().resetPin();
      return;
    }
    if (p1 != 0x00) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    byte[] data = io.data();
    short pinLength = length;
    while (pinLength > 0 && data[(short) (pinLength - 1)] == (byte) 0xFF) {
      pinLength--;
    }
    short status = services().verifyPin(data, (short) 0, pinLength);
    Util.arrayFillNonAtomic(data, (short) 0, length, (byte) 0);
    if (status != ISO7816.SW_NO_ERROR) {
      ISOException.throwIt(status);
    }
  }

  /** GENERAL AUTHENTICATE 07 9A|9C: {@code 7C{82 00, 81 <256>}} answers {@code 7C{82 <256>}}. */
  private void generalAuthenticate(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (buffer[ISO7816.OFFSET_P1] != RSA_2048) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    byte key = buffer[ISO7816.OFFSET_P2];
    if (key != KEY_9A && key != KEY_9C) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    short length = io.receive(apdu);
    if (length < 0) {
      return;
    }
    byte[] data = io.data();
    if (length < 2 || data[0] != 0x7C) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    short templateStart = Tlv.skipLength(data, (short) 1);
    short templateEnd = (short) (templateStart + Tlv.length(data, (short) 1));
    short challenge = Tlv.find(data, templateStart, templateEnd, (byte) 0x81);
    if (challenge < 0 || Tlv.find(data, templateStart, templateEnd, (byte) 0x82) < 0) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    byte reference = key == KEY_9A ? CpsCardLayout.KEY_AUTHENTICATION : CpsCardLayout.KEY_SIGNATURE;
    byte[] out = io.responseBuffer();
    short signatureLength =
        services()
            .sign(
                reference,
                data,
                Tlv.skipLength(data, challenge),
                Tlv.length(data, challenge),
                out,
                (short) 8);
    out[0] = 0x7C;
    Tlv.putLength(out, (short) 1, (short) (signatureLength + 4));
    out[4] = (byte) 0x82;
    Tlv.putLength(out, (short) 5, signatureLength);
    io.send(apdu, out, (short) 0, (short) (signatureLength + 8));
  }

  private CardServices services() {
    if (card == null) {
      byte[] cps = CpsCardLayout.cpsAid();
      AID aid = JCSystem.lookupAID(cps, (short) 0, (byte) cps.length);
      card =
          aid == null
              ? null
              : (CardServices) JCSystem.getAppletShareableInterfaceObject(aid, (byte) 0);
      if (card == null) {
        ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
      }
    }
    return card;
  }
}
