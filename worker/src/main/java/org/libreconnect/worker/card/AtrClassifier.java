package org.libreconnect.worker.card;

import java.util.HexFormat;
import java.util.List;
import org.libreconnect.protocol.command.ReaderSlotType;
import org.libreconnect.simulation.card.CpsCardLayout;

/**
 * Tells from a card's ATR whether it is a CPS card, a Vitale card or another card. Patterns are
 * public facts: the CPS ATRs and masks of the ANS CPS driver for OpenSC ({@code card-cps.c},
 * {@code CPS_ATR_LIST}: CPS3 contact and contactless, CPS4 and its release candidates) and the
 * Vitale ATRs listed in pcsc-tools' {@code smartcard_list.txt} (Vitale 1: {@code 3F 65 25 00 xx 09
 * xx 90 00}; Vitale 2: {@code 3B 75 13 00 00 xx 09 xA 90 00}); and the simulated CPS card's own
 * ATR ({@link CpsCardLayout#ATR_HEX}), which no real card has.
 */
public final class AtrClassifier {

  /** An ATR pattern: bytes where the mask has a 1 must match. */
  record Pattern(byte[] atr, byte[] mask, ReaderSlotType type, String name) {
    boolean matches(byte[] candidate) {
      if (candidate.length != atr.length) {
        return false;
      }
      for (int i = 0; i < atr.length; i++) {
        if ((candidate[i] & mask[i]) != (atr[i] & mask[i])) {
          return false;
        }
      }
      return true;
    }
  }

  private static final List<Pattern> PATTERNS =
      List.of(
          pattern(
              "3BAC00402A001225006480000310009000",
              "FF00000000FFFFFFFFFFFF000000FFFFFF",
              ReaderSlotType.CPS_CARD,
              "CPS3 contact"),
          pattern(
              "3B8F80010031B86404B0ECC1739401808290000E",
              "FFFFFFFFFFFFFFFF0000FFC0FFFFFFFFFFFFFFFF",
              ReaderSlotType.CPS_CARD,
              "CPS3 contactless"),
          pattern(
              "3B9B188001001225006480040100009044",
              "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
              ReaderSlotType.CPS_CARD,
              "CPS4 contact"),
          pattern(
              "3B9B188001001225006480000401009044",
              "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
              ReaderSlotType.CPS_CARD,
              "CPS4 release candidate"),
          pattern(
              "3BDC18FF00001225006480000401009000",
              "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
              ReaderSlotType.CPS_CARD,
              "CPS4 T=0"),
          pattern(
              CpsCardLayout.ATR_HEX,
              "FF".repeat(CpsCardLayout.ATR_HEX.length() / 2),
              ReaderSlotType.CPS_CARD,
              "simulated CPS card"),
          pattern("3F6525000009009000", "FFFFFFFF00FF00FFFF", ReaderSlotType.VITALE_CARD, "Vitale 1"),
          pattern(
              "3B7513000000090A9000",
              "FFFFFFFFFF00FF0FFFFF",
              ReaderSlotType.VITALE_CARD,
              "Vitale 2"));

  /** The slot type for a reader holding a card with {@code atr}; null means no card. */
  public ReaderSlotType classify(byte[] atr) {
    if (atr == null) {
      return ReaderSlotType.NO_CARD;
    }
    for (Pattern pattern : PATTERNS) {
      if (pattern.matches(atr)) {
        return pattern.type();
      }
    }
    return ReaderSlotType.OTHER_CARD;
  }

  /** The name of the card family {@code atr} belongs to, for logs; "other" when none. */
  public String family(byte[] atr) {
    if (atr == null) {
      return "none";
    }
    return PATTERNS.stream()
        .filter(pattern -> pattern.matches(atr))
        .map(Pattern::name)
        .findFirst()
        .orElse("other");
  }

  private static Pattern pattern(String atr, String mask, ReaderSlotType type, String name) {
    byte[] atrBytes = HexFormat.of().parseHex(atr.replace(" ", ""));
    byte[] maskBytes = HexFormat.of().parseHex(mask.replace(" ", ""));
    if (atrBytes.length != maskBytes.length) {
      throw new IllegalArgumentException(name + ": ATR and mask differ in length");
    }
    return new Pattern(atrBytes, maskBytes, type, name);
  }
}
