package org.libreconnect.worker.vitale;

import java.io.ByteArrayOutputStream;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * Reads a Vitale card through one channel: selects each application of {@link
 * VitaleCardDecoder}, reads its file, and decodes both. It holds no state.
 */
public final class VitaleCardReader {
  private static final int SW_OK = 0x9000;
  private static final int SW_END_OF_FILE = 0x6282;
  private static final int SW_WRONG_OFFSET = 0x6B00;

  private VitaleCardReader() {}

  /**
   * The card's content.
   *
   * @throws CardException when the card or the reader fails (a removed card among others)
   * @throws VitaleFormatException when the card answers but is no readable Vitale card
   */
  public static VitaleCardContent read(CardChannel channel) throws CardException {
    byte[] identity = file(channel, VitaleCardDecoder.AID_ROOT, "root application");
    byte[] nir = file(channel, VitaleCardDecoder.AID_VITALE, "VITALE application");
    return VitaleCardDecoder.decode(identity, nir);
  }

  private static byte[] file(CardChannel channel, byte[] aid, String application)
      throws CardException {
    ResponseAPDU selected = channel.transmit(VitaleCardDecoder.select(aid));
    if (selected.getSW() != SW_OK) {
      throw new VitaleFormatException(
          String.format("the card refused to select the %s (SW %04X)", application, selected.getSW()));
    }
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    while (true) {
      CommandAPDU command = VitaleCardDecoder.read(content.size());
      ResponseAPDU answer = channel.transmit(command);
      int sw = answer.getSW();
      if (content.size() > 0 && (sw == SW_WRONG_OFFSET || sw == SW_END_OF_FILE && answer.getNr() == 0)) {
        break; // the file ended exactly on a chunk boundary
      }
      if (sw != SW_OK && sw != SW_END_OF_FILE) {
        throw new VitaleFormatException(
            String.format("the card refused to read the %s's file (SW %04X)", application, sw));
      }
      content.writeBytes(answer.getData());
      if (content.size() > VitaleCardDecoder.MAX_FILE_BYTES) {
        throw new VitaleFormatException("the " + application + "'s file is too long");
      }
      if (answer.getNr() < VitaleCardDecoder.CHUNK || sw == SW_END_OF_FILE) {
        break;
      }
    }
    return content.toByteArray();
  }
}
