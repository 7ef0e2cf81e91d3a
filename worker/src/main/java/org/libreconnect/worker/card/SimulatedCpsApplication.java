package org.libreconnect.worker.card;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.libreconnect.pkcs11.exceptions.NotLoggedInException;
import org.libreconnect.pkcs11.exceptions.PinIncorrectException;
import org.libreconnect.pkcs11.exceptions.PinLockedException;
import org.libreconnect.simulation.card.CpsCardLayout;

/**
 * The CPS commands of the simulated card (docs/simulated-card.md) on one PC/SC channel: select,
 * PIN status and verification, file reading and raw RSA on a block the host has padded. PC/SC
 * failures become typed card exceptions through {@link PcscFailures}; the PIN never appears in an
 * exception, a log line or a kept array.
 *
 * <p>{@link #select} is the only way in, and it sends the application's private AID to a card
 * whose ATR is exactly the simulated card's ({@link CpsCardLayout#ATR_HEX}) only: a real card
 * never receives it.
 */
final class SimulatedCpsApplication {
  private static final int SW_OK = 0x9000;
  private static final int SW_FILE_NOT_FOUND = 0x6A82;
  private static final int SW_WRONG_DATA = 0x6A80;
  private static final int SW_SECURITY = 0x6982;
  private static final int SW_OFFSET_PAST_END = 0x6B00;
  private static final int READ_CHUNK = 256;
  private static final int CHAIN_CHUNK = 255;

  private final CardChannel channel;
  private final boolean contextHeld;

  private SimulatedCpsApplication(CardChannel channel, boolean contextHeld) {
    this.channel = channel;
    this.contextHeld = contextHeld;
  }

  /**
   * The simulated card's CPS application on {@code card}'s basic channel, selected; empty, without
   * a word to the card, when its ATR is not the simulated card's, and empty when the card does not
   * answer the selection.
   *
   * @param contextHeld whether the card's PC/SC context would die with a service restart
   */
  static Optional<SimulatedCpsApplication> select(Card card, boolean contextHeld) {
    if (!CpsCardLayout.isSimulatedCardAtr(card.getATR().getBytes())) {
      return Optional.empty(); // never the simulated card's private AID to a real card
    }
    SimulatedCpsApplication cps = new SimulatedCpsApplication(card.getBasicChannel(), contextHeld);
    return cps.reselect() ? Optional.of(cps) : Optional.empty();
  }

  /** Selects the CPS application again; false when the card does not have it. */
  boolean reselect() {
    return transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, CpsCardLayout.cpsAid(), 256)).getSW()
        == SW_OK;
  }

  /** Whether the PIN is verified now (VERIFY without data answers 9000). */
  boolean isVerified() {
    return transmit(new CommandAPDU(0x00, 0x20, 0x00, CpsCardLayout.PIN_REFERENCE)).getSW() == SW_OK;
  }

  /** The PIN tries left, by VERIFY without data: 0 when blocked, the limit when verified. */
  int triesLeft() {
    int sw = transmit(new CommandAPDU(0x00, 0x20, 0x00, CpsCardLayout.PIN_REFERENCE)).getSW();
    if (sw == SW_OK) {
      return CpsCardLayout.PIN_TRY_LIMIT;
    }
    if ((sw & 0xFFF0) == 0x63C0) {
      return sw & 0x0F;
    }
    if (sw == CpsCardLayout.SW_PIN_BLOCKED) {
      return 0;
    }
    throw unexpected("reading the PIN status", sw);
  }

  /**
   * Presents {@code pin}; {@code pin} is left as is (the caller wipes it), the bytes sent are
   * wiped here.
   *
   * @throws PinIncorrectException with the tries left, when the card refuses it
   * @throws PinLockedException when the card is blocked, or the refused PIN was the last try
   */
  void verify(char[] pin) {
    byte[] digits = new byte[pin.length];
    int sw;
    try {
      for (int i = 0; i < pin.length; i++) {
        digits[i] = (byte) pin[i];
      }
      CommandAPDU command = new CommandAPDU(0x00, 0x20, 0x00, CpsCardLayout.PIN_REFERENCE, digits);
      sw = transmit(command).getSW();
    } finally {
      Arrays.fill(digits, (byte) 0);
    }
    if (sw == SW_OK) {
      return;
    }
    if ((sw & 0xFFF0) == 0x63C0) {
      int left = sw & 0x0F;
      if (left == 0) {
        throw new PinLockedException("checking the PIN failed: wrong PIN, the card is now blocked", null);
      }
      throw new PinIncorrectException(
          "checking the PIN failed: wrong PIN", OptionalInt.of(left), null);
    }
    if (sw == CpsCardLayout.SW_PIN_BLOCKED) {
      throw new PinLockedException("checking the PIN failed: the card is blocked", null);
    }
    if (sw == SW_WRONG_DATA) {
      throw new PinIncorrectException(
          "checking the PIN failed: a PIN has 4 to 8 digits (no try was used)",
          OptionalInt.of(triesLeft()),
          null);
    }
    throw unexpected("checking the PIN", sw);
  }

  /** Ends the PIN verification (VERIFY with P1 FF); failures are ignored. */
  void logout() {
    try {
      transmit(new CommandAPDU(0x00, 0x20, 0xFF, CpsCardLayout.PIN_REFERENCE));
    } catch (RuntimeException e) {
      // the card may be gone already; nothing is left verified on a removed card
    }
  }

  /** The whole content of file {@code fid}. */
  byte[] readFile(short fid) {
    return readFileIfPresent(fid)
        .orElseThrow(
            () ->
                new CardAccessException(
                    String.format("reading the card failed: file %04X is missing", fid), null));
  }

  /** The whole content of file {@code fid}, or empty when the card has no such file. */
  Optional<byte[]> readFileIfPresent(short fid) {
    int sw =
        transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {(byte) (fid >> 8), (byte) fid}))
            .getSW();
    if (sw == SW_FILE_NOT_FOUND) {
      return Optional.empty();
    }
    check("selecting a file", sw);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    while (true) {
      int offset = content.size();
      ResponseAPDU part =
          transmit(new CommandAPDU(0x00, 0xB0, (offset >> 8) & 0x7F, offset & 0xFF, READ_CHUNK));
      if (part.getSW() == SW_OFFSET_PAST_END) {
        return Optional.of(content.toByteArray());
      }
      check("reading a file", part.getSW());
      content.writeBytes(part.getData());
      if (part.getData().length < READ_CHUNK) {
        return Optional.of(content.toByteArray());
      }
    }
  }

  /**
   * Raw RSA with key {@code keyReference} on {@code block}, already padded by the host: MSE SET,
   * then PSO COMPUTE DIGITAL SIGNATURE sent as two chained short APDUs, which T=0 and T=1 accept.
   */
  byte[] sign(byte keyReference, byte[] block) {
    check(
        "choosing the signing key",
        transmit(new CommandAPDU(0x00, 0x22, 0x41, 0xB6, new byte[] {(byte) 0x84, 0x01, keyReference}))
            .getSW());
    int offset = 0;
    while (block.length - offset > CHAIN_CHUNK) {
      byte[] part = Arrays.copyOfRange(block, offset, offset + CHAIN_CHUNK);
      check("signing", transmit(new CommandAPDU(0x10, 0x2A, 0x9E, 0x9A, part)).getSW());
      offset += CHAIN_CHUNK;
    }
    ResponseAPDU signature =
        transmit(
            new CommandAPDU(
                0x00, 0x2A, 0x9E, 0x9A, Arrays.copyOfRange(block, offset, block.length), 256));
    check("signing", signature.getSW());
    return signature.getData();
  }

  private ResponseAPDU transmit(CommandAPDU command) {
    try {
      return channel.transmit(command);
    } catch (javax.smartcardio.CardException | IllegalStateException e) {
      throw PcscFailures.map(PcscFailures.Step.TRANSMIT, e, contextHeld);
    }
  }

  private static void check(String what, int sw) {
    if (sw == SW_SECURITY) {
      throw new NotLoggedInException(what + " failed: the PIN is not verified on the card", null);
    }
    if (sw != SW_OK) {
      throw unexpected(what, sw);
    }
  }

  private static CardAccessException unexpected(String what, int sw) {
    return new CardAccessException(
        String.format("%s failed: the card answered %04X", what, sw), null);
  }
}
