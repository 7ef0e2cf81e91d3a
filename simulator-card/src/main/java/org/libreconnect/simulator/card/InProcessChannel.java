package org.libreconnect.simulator.card;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * The basic channel of an in-process card. Like the JDK's PC/SC channel it answers {@code 6Cxx} by
 * resending with that Le, collects {@code 61xx} responses with GET RESPONSE, and refuses
 * extended-length commands under T=0.
 */
final class InProcessChannel extends CardChannel {
  private static final int MAX_ITERATIONS = 256;

  private final InProcessCard card;

  InProcessChannel(InProcessCard card) {
    this.card = card;
  }

  @Override
  public Card getCard() {
    return card;
  }

  @Override
  public int getChannelNumber() {
    return 0;
  }

  @Override
  public ResponseAPDU transmit(CommandAPDU command) throws CardException {
    return new ResponseAPDU(exchange(command.getBytes()));
  }

  @Override
  public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
    if (command == response) {
      throw new IllegalArgumentException("command and response must not be the same object");
    }
    byte[] bytes = new byte[command.remaining()];
    command.get(bytes);
    byte[] answer = exchange(bytes);
    if (response.remaining() < answer.length) {
      throw new IllegalArgumentException("Insufficient space in response buffer");
    }
    response.put(answer);
    return answer.length;
  }

  @Override
  public void close() {
    throw new IllegalStateException("Cannot close basic logical channel");
  }

  private byte[] exchange(byte[] original) throws CardException {
    if (original.length < 4) {
      throw new IllegalArgumentException("Command APDU must be at least 4 bytes long");
    }
    if (card.isT0() && original.length >= 7 && original[4] == 0) {
      throw new CardException("Extended length forms not supported for T=0");
    }
    byte[] command = original.clone();
    ByteArrayOutputStream collected = new ByteArrayOutputStream();
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      byte[] response = card.transmitRaw(command);
      int n = response.length;
      if (n == 2 && response[0] == 0x6C && command.length >= 5) {
        command[command.length - 1] = response[1];
        continue;
      }
      if (n >= 2 && response[n - 2] == 0x61) {
        collected.write(response, 0, n - 2);
        command = new byte[] {command[0], (byte) 0xC0, 0x00, 0x00, response[n - 1]};
        continue;
      }
      collected.write(response, 0, n);
      return collected.toByteArray();
    }
    throw new CardException("Number of response iterations exceeded maximum " + MAX_ITERATIONS);
  }
}
