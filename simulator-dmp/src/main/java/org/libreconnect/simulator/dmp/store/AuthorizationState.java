package org.libreconnect.simulator.dmp.store;

/** A professional's authorisation on a patient's DMP, as TD0.2 reports it (dmp.md §2.2). */
public enum AuthorizationState {
  /** Authorised. */
  VALIDE,
  /** The authorisation has expired: TD0.3 AJOUT renews it. */
  EXPIRE,
  /** The patient blocked the professional: no access, TD0.3 cannot lift it. */
  INTERDIT,
  /** Never authorised: TD0.3 AJOUT creates it. */
  NON_EXISTE
}
