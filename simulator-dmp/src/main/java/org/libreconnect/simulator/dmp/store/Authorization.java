package org.libreconnect.simulator.dmp.store;

import java.util.Objects;

/**
 * One professional's authorisation on one patient's DMP.
 *
 * @param psIdNat the professional's PS_IdNat
 * @param ins the patient's INS value (15 characters)
 * @param state VALIDE, EXPIRE or INTERDIT (NON_EXISTE is the absence of a record)
 * @param treatingPhysician whether the professional is the patient's DMP "médecin traitant"
 * @param since when the authorisation started, {@code yyyyMMddHHmmss}
 * @param lastAction when it last changed, {@code yyyyMMddHHmmss}
 */
public record Authorization(
    String psIdNat,
    String ins,
    AuthorizationState state,
    boolean treatingPhysician,
    String since,
    String lastAction) {

  public Authorization {
    Objects.requireNonNull(psIdNat, "psIdNat");
    Objects.requireNonNull(ins, "ins");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(lastAction, "lastAction");
    if (state == AuthorizationState.NON_EXISTE) {
      throw new IllegalArgumentException("NON_EXISTE is the absence of an authorisation");
    }
  }

  /** This authorisation in {@code newState} with its MT flag, changed at {@code when}. */
  public Authorization with(AuthorizationState newState, boolean mt, String when) {
    return new Authorization(psIdNat, ins, newState, mt, since, when);
  }
}
