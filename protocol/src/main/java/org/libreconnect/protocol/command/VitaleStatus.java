package org.libreconnect.protocol.command;

/**
 * The JS2 VitaleStatus of {@code hl_readVitaleCard} ({@code i_cardStatus}, protocol spec 5.4),
 * with the {@code s_cardStatusText} this connector sends. Only "Card found. Demo card." was
 * observed from DmpConnect-JS2; the other texts follow its pattern.
 */
public enum VitaleStatus {
  ApiError(0, "Card error."),
  MissingCard(1, "No card found."),
  Error(2, "Card error: the card is faulty, unknown or could not be read."),
  ProdCard(3, "Card found. Production card."),
  TestCard(4, "Card found. Test card."),
  DemoCard(5, "Card found. Demo card.");

  private final int code;
  private final String text;

  VitaleStatus(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** The {@code i_cardStatus} value. */
  public int code() {
    return code;
  }

  /** The {@code s_cardStatusText} value. */
  public String text() {
    return text;
  }

  /** Whether a card was read: production, test or demonstration. */
  public boolean isCardFound() {
    return this == ProdCard || this == TestCard || this == DemoCard;
  }
}
