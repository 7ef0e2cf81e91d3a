package org.libreconnect.worker.dmp.card;

import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.card.CardService;
import org.libreconnect.worker.card.CpxCard;
import org.libreconnect.dmp.DmpCredentials;
import org.libreconnect.worker.dmp.DmpCredentialsSource;

/**
 * The DMP client's view of the session's card (card layer, {@link CardService}): the PIN of
 * {@code hl_createDmpConnector} is checked by the card ({@code hl_getCpxCard} must have selected
 * it), which then stays unlocked; the TLS handshake and the submission-set signature are computed
 * by the card itself (docs/dmp.md, "Card keys").
 */
public final class CardDmpCredentialsSource implements DmpCredentialsSource {
  private final CardService cards;

  public CardDmpCredentialsSource(CardService cards) {
    this.cards = cards;
  }

  @Override
  public DmpCredentials login(SessionContext session, char[] pin) {
    CpxCard.Unlocked unlocked = cards.unlock(session, pin);
    return new CardCredentials(unlocked.reading(), unlocked.keys());
  }
}
