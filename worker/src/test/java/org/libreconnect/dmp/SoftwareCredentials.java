package org.libreconnect.dmp;

import java.util.ArrayList;
import java.util.List;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.worker.dmp.card.KeyPairCredentials;

/** Card credentials held in software, for tests: the keys of a generated test card. */
final class SoftwareCredentials {
  private SoftwareCredentials() {}

  static KeyPairCredentials of(CardCredentials card, CpsIdentity identity) {
    List<java.security.cert.X509Certificate> chain = new ArrayList<>();
    chain.add(card.authenticationCertificate());
    chain.addAll(card.chain());
    return new KeyPairCredentials(card.authenticationKeys().getPrivate(), chain, card.signatureKeys().getPrivate(),
        card.signatureCertificate(), holderOf(identity));
  }

  static DmpHolder holderOf(CpsIdentity identity) {
    return new DmpHolder(identity.psIdNat(), identity.name(), identity.given(), identity.professionCode(),
        identity.professionOid(), identity.professionLabel(), identity.specialtyCode(), identity.specialtyLabel(),
        identity.practiceLocations().stream()
            .map(l -> new DmpPracticeLocation(l.name(), l.structureId(), l.activitySector())).toList());
  }
}
