package org.libreconnect.worker.vitale;

import java.util.List;

/** What a Vitale card holds: its kind and its beneficiaries, in card order. */
public record VitaleCardContent(VitaleCardKind kind, List<VitaleBeneficiary> beneficiaries) {
  public VitaleCardContent {
    beneficiaries = List.copyOf(beneficiaries);
  }
}
