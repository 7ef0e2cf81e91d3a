package org.libreconnect.worker.insi;

import java.util.List;
import java.util.Optional;
import org.libreconnect.insi.VitaleBeneficiary;
import org.libreconnect.worker.SessionContext;

/**
 * The beneficiaries INSi searches with: those of the session's last {@code hl_readVitaleCard}
 * ({@link SessionContext#lastVitaleRead()}), in {@code Patients[]} order. The card's NIR is the
 * insured person's; a beneficiary's own certified NIR, when the card holds one, is sent beside it.
 */
public final class LastVitaleRead implements VitaleBeneficiaries {

  @Override
  public Optional<List<VitaleBeneficiary>> lastRead(SessionContext session) {
    return session.lastVitaleRead()
        .map(read -> read.beneficiaries().stream().map(LastVitaleRead::forInsi).toList());
  }

  static VitaleBeneficiary forInsi(org.libreconnect.worker.vitale.VitaleBeneficiary card) {
    String certified = card.certifiedNir();
    boolean own = certified.length() == 15;
    return new VitaleBeneficiary(
        own ? certified.substring(0, 13) : "",
        own ? certified.substring(13) : "",
        card.nir(),
        card.nirKey(),
        card.rawBirthDate(),
        card.birthRank(),
        card.name(),
        card.birthName(),
        card.given(),
        card.quality());
  }
}
