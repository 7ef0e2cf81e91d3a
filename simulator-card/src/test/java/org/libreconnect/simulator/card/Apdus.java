package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/** Host-side commands for the simulated card, as a test client would send them. */
final class Apdus {
  static final byte[] SHA256_DIGEST_INFO_PREFIX =
      HexFormat.of().parseHex("3031300d060960864801650304020105000420");

  private final UnaryOperator<byte[]> card;

  Apdus(UnaryOperator<byte[]> card) {
    this.card = card;
  }

  ResponseAPDU send(CommandAPDU command) {
    return new ResponseAPDU(card.apply(command.getBytes()));
  }

  /** Sends {@code command}, then GET RESPONSE while the card answers {@code 61xx}. */
  ResponseAPDU sendCollecting(CommandAPDU command) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ResponseAPDU response = send(command);
    data.writeBytes(response.getData());
    while (response.getSW1() == 0x61) {
      response =
          send(
              new CommandAPDU(
                  0x00, 0xC0, 0x00, 0x00, response.getSW2() == 0 ? 256 : response.getSW2()));
      data.writeBytes(response.getData());
    }
    data.write(response.getSW1());
    data.write(response.getSW2());
    return new ResponseAPDU(data.toByteArray());
  }

  ResponseAPDU selectCps() {
    return send(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, CpsCardLayout.cpsAid(), 256));
  }

  ResponseAPDU selectPiv() {
    byte[] pivPrefix = HexFormat.of().parseHex("A00000030800001000");
    return send(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, pivPrefix, 256));
  }

  ResponseAPDU selectFile(int fid) {
    return send(
        new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {(byte) (fid >> 8), (byte) fid}));
  }

  ResponseAPDU verify(String pin) {
    return send(new CommandAPDU(0x00, 0x20, 0x00, 0x01, pin.getBytes(StandardCharsets.US_ASCII)));
  }

  ResponseAPDU pinStatusByVerify() {
    return send(new CommandAPDU(0x00, 0x20, 0x00, 0x01));
  }

  /** GET DATA DF20: tries left, try limit, verified. */
  byte[] pinStatus() {
    ResponseAPDU response = send(new CommandAPDU(0x00, 0xCA, 0xDF, 0x20, 256));
    check(response, "GET DATA DF20");
    return response.getData();
  }

  /** SELECT FILE then READ BINARY in 200-byte steps until the file ends. */
  byte[] readFile(int fid) {
    check(selectFile(fid), "SELECT FILE " + Integer.toHexString(fid));
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    while (true) {
      int offset = content.size();
      ResponseAPDU part = send(new CommandAPDU(0x00, 0xB0, offset >> 8, offset & 0xFF, 200));
      check(part, "READ BINARY");
      content.writeBytes(part.getData());
      if (part.getData().length < 200) {
        return content.toByteArray();
      }
    }
  }

  ResponseAPDU selectKey(byte reference) {
    return send(new CommandAPDU(0x00, 0x22, 0x41, 0xB6, new byte[] {(byte) 0x84, 0x01, reference}));
  }

  /** PSO COMPUTE DIGITAL SIGNATURE of a PKCS#1 v1.5 SHA-256 block, as one extended APDU. */
  ResponseAPDU signSha256(byte[] message) {
    return send(new CommandAPDU(0x00, 0x2A, 0x9E, 0x9A, pkcs1Sha256Block(message), 256));
  }

  /** The same with command chaining: 255 bytes with CLA 10, then the last byte. */
  ResponseAPDU signSha256Chained(byte[] message) {
    byte[] block = pkcs1Sha256Block(message);
    byte[] first = java.util.Arrays.copyOf(block, 255);
    check(send(new CommandAPDU(0x10, 0x2A, 0x9E, 0x9A, first)), "chained PSO part 1");
    return send(new CommandAPDU(0x00, 0x2A, 0x9E, 0x9A, new byte[] {block[255]}, 256));
  }

  static byte[] pkcs1Sha256Block(byte[] message) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(message);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    byte[] block = new byte[256];
    int tLength = SHA256_DIGEST_INFO_PREFIX.length + digest.length;
    block[0] = 0x00;
    block[1] = 0x01;
    for (int i = 2; i < 256 - tLength - 1; i++) {
      block[i] = (byte) 0xFF;
    }
    block[256 - tLength - 1] = 0x00;
    System.arraycopy(
        SHA256_DIGEST_INFO_PREFIX, 0, block, 256 - tLength, SHA256_DIGEST_INFO_PREFIX.length);
    System.arraycopy(digest, 0, block, 256 - digest.length, digest.length);
    return block;
  }

  static void check(ResponseAPDU response, String what) {
    if (response.getSW() != 0x9000) {
      throw new AssertionError(what + " answered " + Integer.toHexString(response.getSW()));
    }
  }
}
