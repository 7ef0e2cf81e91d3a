package org.libreconnect.simulation.card;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Identifiers of the simulated CPS card shared by the applets and the host: AIDs, file identifiers,
 * key references and the proprietary instruction bytes. {@code docs/simulated-card.md} documents
 * the APDUs and the data layouts.
 */
public final class CpsCardLayout {
  /**
   * The simulated card's ATR: a contact CPS4 card's structure (T=0 then T=1, TA1 {@code 18}, 11
   * historical bytes starting {@code 00 12 25 00 64 80}) with {@code 'S' 'I' 'M'} where a CPS4 card
   * has {@code 04 01 00}, and its TCK. No real card answers it: hosts send the CPS applet's
   * private AID to a card with exactly this ATR only.
   */
  public static final String ATR_HEX = "3B9B18800100122500648053494D009016";

  /** AID of the CPS applet: {@code F0 'L' 'I' 'B' 'R' 'E' 'C' 'P' 'S' 01} (proprietary range). */
  static final byte[] CPS_AID = {
    (byte) 0xF0, 0x4C, 0x49, 0x42, 0x52, 0x45, 0x43, 0x50, 0x53, 0x01
  };

  /** AID the PIV applet is installed under; hosts select it by its first 9 bytes. */
  static final byte[] PIV_AID = {
    (byte) 0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00
  };

  /** {@code CPS_INFO_PS}: holder identity, public. */
  public static final short FID_INFO = (short) 0xD001;

  /** Card serial number, validity and type, public. */
  public static final short FID_CARD = (short) 0xD003;

  /** {@code CPS_ACTIVITY_01_PS}; location n is at {@code FID_ACTIVITY_FIRST + n - 1}. */
  public static final short FID_ACTIVITY_FIRST = (short) 0xD011;

  /** Files from {@code D011} to {@code D01F} are private: hidden until the PIN is verified. */
  public static final short FID_PRIVATE_LAST = (short) 0xD01F;

  /** The signature certificate (DER), public. */
  public static final short FID_SIGNATURE_CERTIFICATE = (short) 0xC010;

  /** The authentication certificate (DER), public. */
  public static final short FID_AUTHENTICATION_CERTIFICATE = (short) 0xC020;

  /** The PIV CHUID object (tag 53 and content), public; the PIV applet answers it for 5FC102. */
  public static final short FID_PIV_CHUID = (short) 0xC102;

  /** Key reference of the signature key (its PKCS#11 CKA_ID ends with 0x10 on real cards). */
  public static final byte KEY_SIGNATURE = 0x10;

  /** Key reference of the authentication key (its PKCS#11 CKA_ID ends with 0x20). */
  public static final byte KEY_AUTHENTICATION = 0x20;

  /** P2 of VERIFY for the card holder PIN on the CPS applet. */
  public static final byte PIN_REFERENCE = 0x01;

  /** P1P2 of GET DATA for the PIN status: tries left, try limit, verified. */
  public static final short DATA_PIN_STATUS = (short) 0xDF20;

  /** Personalisation (CLA 80): write a file, P1P2 = file identifier. */
  public static final byte INS_PUT_FILE = (byte) 0xDA;

  /** Personalisation (CLA 80): import an RSA CRT private key, P2 = key reference. */
  public static final byte INS_IMPORT_KEY = (byte) 0xF0;

  /** Personalisation (CLA 80): set the PIN (ASCII digits) and the try counter. */
  public static final byte INS_SET_PIN = (byte) 0xF1;

  /** Personalisation (CLA 80): end personalisation; later personalisation commands fail. */
  public static final byte INS_END_PERSONALISATION = (byte) 0xF2;

  /** Number of wrong PINs that block the card. */
  public static final byte PIN_TRY_LIMIT = 3;

  /** Status word of VERIFY when the PIN is blocked. */
  public static final int SW_PIN_BLOCKED = 0x6983;

  private CpsCardLayout() {}

  /** The simulated card's ATR ({@link #ATR_HEX}). */
  public static byte[] atr() {
    return HexFormat.of().parseHex(ATR_HEX);
  }

  /** Whether {@code atr} is exactly the simulated card's ATR. */
  public static boolean isSimulatedCardAtr(byte[] atr) {
    return atr != null && Arrays.equals(atr, atr());
  }

  /** A copy of the CPS applet's AID, {@code F0 4C 49 42 52 45 43 50 53 01}. */
  public static byte[] cpsAid() {
    return CPS_AID.clone();
  }

  /** A copy of the PIV applet's full AID, {@code A0 00 00 03 08 00 00 10 00 01 00}. */
  public static byte[] pivAid() {
    return PIV_AID.clone();
  }

  /** Whether {@code fid} names a file that stays hidden until the PIN is verified. */
  public static boolean isPrivate(short fid) {
    return fid >= FID_ACTIVITY_FIRST && fid <= FID_PRIVATE_LAST;
  }
}
