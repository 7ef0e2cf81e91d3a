package org.libreconnect.simulator.card;

import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;

/** One generated PKI and card credentials shared by a test class; cards are cheap to rebuild. */
final class CardFixture {
  final TestPki pki = TestPki.generate(java.time.Clock.systemUTC(), 2048);
  final CpsIdentity identity = CpsIdentity.testDoctor();
  final CardCredentials credentials = pki.issueCard(identity);

  SimulatedCard newCard() {
    return SimulatedCard.create(identity, credentials);
  }
}
