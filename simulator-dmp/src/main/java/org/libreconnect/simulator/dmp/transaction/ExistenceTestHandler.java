package org.libreconnect.simulator.dmp.transaction;

import java.util.Optional;
import org.libreconnect.simulator.dmp.store.Authorization;
import org.libreconnect.simulator.dmp.store.DmpState;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.store.Patient;

/**
 * TD0.2: tells whether the patient has a DMP (active or closed) and the caller's authorisation
 * on it; needs no authorisation itself.
 */
public final class ExistenceTestHandler implements TransactionHandler {
  private final DmpStore store;

  /** A handler reading {@code store}. */
  public ExistenceTestHandler(DmpStore store) {
    this.store = store;
  }

  @Override
  public Answer handle(TransactionContext context) {
    Ins ins = PatientQuery.patientOf(context.body(), context.vihf());
    Optional<Patient> patient =
        store.patient(ins.value()).filter(found -> found.state() != DmpState.ABSENT);
    if (patient.isEmpty()) {
      return Answer.of(PatientRecordWriter.notFound(context.body(), context.now()), "NF");
    }
    String caller = context.vihf().nameId();
    Optional<Authorization> authorization = store.authorization(caller, ins.value());
    return Answer.of(
        PatientRecordWriter.found(context.body(), context.now(), patient.get(),
            store.authorizationState(caller, ins.value()),
            authorization.map(Authorization::treatingPhysician).orElse(false), false),
        patient.get().state() == DmpState.CLOSED ? "CLOSED" : "OK");
  }
}
