package org.libreconnect.worker.dmp.card;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.card.CardService;
import org.libreconnect.worker.card.CpxCard;
import org.libreconnect.worker.dmp.DmpCredentials;
import org.libreconnect.worker.dmp.DmpCredentialsSource;

/**
 * The DMP client's view of the session's card (card layer, {@link CardService}): the PIN of
 * {@code hl_createDmpConnector} is checked by the card and the holder data and certificates are
 * read from it ({@code hl_getCpxCard} must have selected it). The keys used for TLS and for the
 * submission-set signature are those of the simulated card's material when the card is the
 * simulated one; a physical card's keys are reached through the card layer once it exposes them
 * (docs/dmp.md, "Card keys").
 */
public final class CardDmpCredentialsSource implements DmpCredentialsSource {
  private final CardService cards;
  private final Supplier<Optional<CardCredentials>> simulatedCard;

  /**
   * @param simulatedCard the simulated card's keys in simulation mode, else empty
   */
  public CardDmpCredentialsSource(CardService cards, Supplier<Optional<CardCredentials>> simulatedCard) {
    this.cards = cards;
    this.simulatedCard = simulatedCard;
  }

  @Override
  public DmpCredentials login(SessionContext session, char[] pin) {
    CpxCard.Reading reading = cards.read(session, pin);
    Optional<CardCredentials> simulated = simulatedCard.get()
        .filter(c -> c.authenticationCertificate().equals(reading.authentication()));
    if (simulated.isEmpty()) {
      throw new FunctionalException("This card's keys cannot be used for the DMP yet: the card layer does not expose"
          + " its TLS key (see docs/dmp.md, \"Card keys\")");
    }
    CardCredentials keys = simulated.get();
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(keys.authenticationCertificate());
    chain.addAll(keys.chain());
    return new KeyPairCredentials(keys.authenticationKeys().getPrivate(), chain, keys.signatureKeys().getPrivate(),
        keys.signatureCertificate(), Holders.of(reading.holder()));
  }
}
