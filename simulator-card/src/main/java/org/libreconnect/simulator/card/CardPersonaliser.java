package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.BerTlv;
import org.libreconnect.simulation.card.CpsCardLayout;
import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Writes a card's files, keys and PIN through the CPS applet's CLA 80 personalisation commands,
 * then closes personalisation. Data over 255 bytes goes as chained commands.
 */
final class CardPersonaliser {
  private static final int CHUNK = 255;
  private static final int SW_OK = 0x9000;

  private final UnaryOperator<byte[]> card;

  /** Personalises through {@code card}, which sends one command APDU and returns the response. */
  CardPersonaliser(UnaryOperator<byte[]> card) {
    this.card = card;
  }

  void selectCpsApplication() {
    byte[] aid = CpsCardLayout.cpsAid();
    byte[] select = new byte[5 + aid.length + 1];
    select[1] = (byte) 0xA4;
    select[2] = 0x04;
    select[4] = (byte) aid.length;
    System.arraycopy(aid, 0, select, 5, aid.length);
    check("SELECT", card.apply(select));
  }

  void putFile(short fid, byte[] content) {
    send(CpsCardLayout.INS_PUT_FILE, (fid >> 8) & 0xFF, fid & 0xFF, content, "PUT FILE");
  }

  /** Imports the CRT components, each as a 128-byte big-endian number. */
  void importKey(byte reference, RSAPrivateCrtKey key) {
    int size = (key.getModulus().bitLength() + 15) / 16;
    BerTlv components =
        new BerTlv()
            .add(0x01, unsigned(key.getPrimeP(), size))
            .add(0x02, unsigned(key.getPrimeQ(), size))
            .add(0x03, unsigned(key.getPrimeExponentP(), size))
            .add(0x04, unsigned(key.getPrimeExponentQ(), size))
            .add(0x05, unsigned(key.getCrtCoefficient(), size));
    byte[] body = components.bytes();
    try {
      send(CpsCardLayout.INS_IMPORT_KEY, 0, reference, body, "IMPORT KEY");
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  /** Sets the PIN; {@code pin} holds ASCII digits and is not kept. */
  void setPin(byte[] pin) {
    send(CpsCardLayout.INS_SET_PIN, 0, 0, pin, "SET PIN");
  }

  void endPersonalisation() {
    send(CpsCardLayout.INS_END_PERSONALISATION, 0, 0, new byte[0], "END PERSONALISATION");
  }

  private void send(byte ins, int p1, int p2, byte[] data, String name) {
    int offset = 0;
    do {
      int length = Math.min(CHUNK, data.length - offset);
      boolean last = offset + length == data.length;
      byte[] command = new byte[5 + length];
      command[0] = (byte) (last ? 0x80 : 0x90);
      command[1] = ins;
      command[2] = (byte) p1;
      command[3] = (byte) p2;
      command[4] = (byte) length;
      System.arraycopy(data, offset, command, 5, length);
      byte[] response = card.apply(command);
      Arrays.fill(command, (byte) 0);
      check(name, response);
      offset += length;
    } while (offset < data.length);
  }

  private static void check(String name, byte[] response) {
    int sw =
        response.length < 2
            ? -1
            : ((response[response.length - 2] & 0xFF) << 8)
                | (response[response.length - 1] & 0xFF);
    if (sw != SW_OK) {
      throw new CardPersonalisationException(
          name + " failed with status " + Integer.toHexString(sw));
    }
  }

  private static byte[] unsigned(BigInteger value, int size) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[size];
    int copy = Math.min(bytes.length, size);
    System.arraycopy(bytes, bytes.length - copy, out, size - copy, copy);
    Arrays.fill(bytes, (byte) 0);
    return out;
  }
}
