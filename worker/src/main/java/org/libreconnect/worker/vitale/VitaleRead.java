package org.libreconnect.worker.vitale;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * The last successful {@code hl_readVitaleCard} of a session: which reader, what kind of card and
 * its beneficiaries. Other commands of the session (such as {@code hl_getInsFromVitaleCard}) take
 * a beneficiary from it by its index in {@code Patients[]}.
 */
public record VitaleRead(
    String readerName, VitaleCardKind kind, List<VitaleBeneficiary> beneficiaries, Instant readAt) {

  public VitaleRead {
    Objects.requireNonNull(readerName, "readerName");
    Objects.requireNonNull(kind, "kind");
    beneficiaries = List.copyOf(beneficiaries);
    Objects.requireNonNull(readAt, "readAt");
  }

  /**
   * The beneficiary at {@code index} in {@code Patients[]}.
   *
   * @throws InvalidParameterException naming {@code parameter} when there is none at that index
   */
  public VitaleBeneficiary beneficiary(int index, String parameter) {
    if (index < 0 || index >= beneficiaries.size()) {
      throw new InvalidParameterException(
          parameter,
          "must be the index of a patient of the last Vitale card read (0 to "
              + (beneficiaries.size() - 1)
              + ")");
    }
    return beneficiaries.get(index);
  }
}
