package org.libreconnect.simulator.card;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the two files of a simulated Vitale card (layout and sources in docs/vitale.md): the
 * root application's identity file and the VITALE application's NIR file, each a list of BER-TLV
 * templates followed by zero padding. The reading side has its own decoder; nothing is shared.
 */
final class VitaleCardFiles {
  private static final int PADDING = 32;

  private VitaleCardFiles() {}

  /** One template 65 per beneficiary: 80 name, 81 first name, 82 birth date, 83 birth name, 84 rank, 85 quality. */
  static byte[] identity(List<VitaleHolder> holders) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (VitaleHolder holder : holders) {
      ByteArrayOutputStream fields = new ByteArrayOutputStream();
      put(fields, 0x80, latin1(holder.name()));
      put(fields, 0x81, latin1(holder.given()));
      put(fields, 0x82, ascii(holder.birthDate()));
      put(fields, 0x83, latin1(holder.birthName()));
      put(fields, 0x84, ascii(Integer.toString(holder.birthRank())));
      put(fields, 0x85, ascii(Integer.toString(holder.quality())));
      put(file, 0x65, fields.toByteArray());
    }
    return padded(file);
  }

  /**
   * One template 65 per beneficiary (93 NIR, 94 certified NIR), then the card template 66 (80
   * first valid day, 81 kind: T test, D demonstration; absent on a production card).
   */
  static byte[] nirs(List<VitaleHolder> holders, SimulatedVitaleCard.Kind kind, LocalDate validFrom) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (VitaleHolder holder : holders) {
      ByteArrayOutputStream fields = new ByteArrayOutputStream();
      put(fields, 0x93, ascii(holder.nir()));
      put(fields, 0x94, ascii(holder.certifiedNir()));
      put(file, 0x65, fields.toByteArray());
    }
    ByteArrayOutputStream card = new ByteArrayOutputStream();
    put(card, 0x80, ascii(validFrom.format(DateTimeFormatter.BASIC_ISO_DATE)));
    switch (kind) {
      case TEST -> put(card, 0x81, ascii("T"));
      case DEMO -> put(card, 0x81, ascii("D"));
      case PRODUCTION -> {}
    }
    put(file, 0x66, card.toByteArray());
    return padded(file);
  }

  private static void put(ByteArrayOutputStream out, int tag, byte[] value) {
    out.write(tag);
    if (value.length > 0xFF) {
      throw new IllegalArgumentException("a Vitale card field holds at most 255 bytes");
    }
    if (value.length > 0x7F) {
      out.write(0x81);
    }
    out.write(value.length);
    out.writeBytes(value);
  }

  private static byte[] padded(ByteArrayOutputStream file) {
    file.writeBytes(new byte[PADDING]);
    return file.toByteArray();
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
