package org.libreconnect.simulator.dmp.transaction;

import java.util.Optional;
import org.libreconnect.simulator.dmp.store.Authorization;
import org.libreconnect.simulator.dmp.store.DmpState;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.store.Patient;

/** TD1.3a: the DMP's administrative data, for callers allowed to reach the patient. */
public final class AdministrativeDataHandler implements TransactionHandler {
  private final DmpStore store;
  private final RightsMatrix rights;

  /** A handler reading {@code store} and applying {@code rights}. */
  public AdministrativeDataHandler(DmpStore store, RightsMatrix rights) {
    this.store = store;
    this.rights = rights;
  }

  @Override
  public Answer handle(TransactionContext context) {
    Ins ins = PatientQuery.patientOf(context.body(), context.vihf());
    Optional<Patient> patient =
        store.patient(ins.value()).filter(found -> found.state() != DmpState.ABSENT);
    if (patient.isEmpty()) {
      return Answer.of(PatientRecordWriter.notFound(context.body(), context.now()), "NF");
    }
    rights.checkAccess(context.vihf(), patient.get());
    String caller = context.vihf().nameId();
    return Answer.of(
        PatientRecordWriter.found(context.body(), context.now(), patient.get(),
            store.authorizationState(caller, ins.value()),
            store.authorization(caller, ins.value()).map(Authorization::treatingPhysician)
                .orElse(false), true),
        "OK");
  }
}
