package org.libreconnect.worker.insi;

import java.util.List;
import java.util.Optional;
import org.libreconnect.insi.VitaleBeneficiary;
import org.libreconnect.worker.SessionContext;

/**
 * The beneficiaries of the Vitale card last read in a session ({@code hl_readVitaleCard}), in the
 * order of its {@code Patients[]} list, which {@code i_vitalePatientIndex} indexes.
 */
@FunctionalInterface
public interface VitaleBeneficiaries {
  /** No Vitale reading in this worker: every session is told to read the card first. */
  VitaleBeneficiaries NONE = session -> Optional.empty();

  /** The beneficiaries of the session's last Vitale read, or empty when no card was read. */
  Optional<List<VitaleBeneficiary>> lastRead(SessionContext session);
}
