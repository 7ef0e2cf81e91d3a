package org.libreconnect.simulator.dmp.transaction;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.store.AuthorizationState;
import org.libreconnect.simulator.dmp.store.DmpState;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Patient;
import org.libreconnect.simulator.dmp.vihf.PurposeOfUse;
import org.libreconnect.simulator.dmp.vihf.Vihf;

/**
 * A reduced version of the DMP's rights matrix (dmp.md §2.1, §6.3 item 6; PDT-INF-526): which
 * kind of user may call which transaction, and which patients they may reach in each access mode.
 * Refusals are {@code DMPAccessDeniedByRightsService}.
 */
public final class RightsMatrix {
  /** The kinds of users the matrix tells apart. */
  public enum UserKind {
    /** A health professional with their own card (profession in TRE_G15), direct mode. */
    PROFESSIONAL,
    /** An employee card (CPE): roles outside TRE_G15, direct mode. */
    EMPLOYEE,
    /** A structure, indirect or AIR mode. */
    STRUCTURE
  }

  private static final String DENIED = "Accès refusé par le service de gestion des droits : ";
  private static final Map<Transaction, Set<UserKind>> ALLOWED = Map.ofEntries(
      // TD1.1 to TD1.4: professionals, and employees (CPE) except closing; never structures
      Map.entry(Transaction.TD1_1, EnumSet.of(UserKind.PROFESSIONAL, UserKind.EMPLOYEE)),
      Map.entry(Transaction.TD1_2, EnumSet.of(UserKind.PROFESSIONAL, UserKind.EMPLOYEE)),
      Map.entry(Transaction.TD1_3B, EnumSet.of(UserKind.PROFESSIONAL, UserKind.EMPLOYEE)),
      Map.entry(Transaction.TD1_4, EnumSet.of(UserKind.PROFESSIONAL)),
      Map.entry(Transaction.TD0_2, EnumSet.allOf(UserKind.class)),
      Map.entry(Transaction.TD0_3, EnumSet.of(UserKind.PROFESSIONAL, UserKind.EMPLOYEE)),
      Map.entry(Transaction.TD0_4, EnumSet.of(UserKind.PROFESSIONAL, UserKind.EMPLOYEE)),
      // TD0.5: the emergency regulation doctor only (PDT-INF-526: search without INS in régulation)
      Map.entry(Transaction.TD0_5, EnumSet.of(UserKind.PROFESSIONAL)),
      Map.entry(Transaction.TD1_3A, EnumSet.allOf(UserKind.class)),
      Map.entry(Transaction.TD1_6, EnumSet.of(UserKind.PROFESSIONAL)),
      Map.entry(Transaction.TD2_1, EnumSet.allOf(UserKind.class)),
      Map.entry(Transaction.TD3_1, EnumSet.of(UserKind.PROFESSIONAL, UserKind.STRUCTURE)),
      Map.entry(Transaction.TD3_2, EnumSet.of(UserKind.PROFESSIONAL)),
      Map.entry(Transaction.TD3_3, EnumSet.allOf(UserKind.class)));

  private final DmpStore store;

  /** A matrix reading authorisations from {@code store}. */
  public RightsMatrix(DmpStore store) {
    this.store = store;
  }

  /** The kind of user behind {@code vihf}. */
  public static UserKind kindOf(Vihf vihf) {
    if (vihf.mode().indirect()) {
      return UserKind.STRUCTURE;
    }
    return vihf.healthProfessional() ? UserKind.PROFESSIONAL : UserKind.EMPLOYEE;
  }

  /** Refuses {@code transaction} to users of the wrong kind or in the wrong access mode. */
  public void checkTransaction(Transaction transaction, Vihf vihf) {
    UserKind kind = kindOf(vihf);
    if (!ALLOWED.get(transaction).contains(kind)) {
      throw denied(transaction.label() + " n'est pas permise " + switch (kind) {
        case PROFESSIONAL -> "à ce professionnel";
        case EMPLOYEE -> "avec une carte d'employé (CPE)";
        case STRUCTURE -> "en authentification indirecte";
      });
    }
    if (transaction == Transaction.TD0_3 && vihf.purposeOfUse() != PurposeOfUse.NORMAL) {
      throw denied("se déclarer autorisé n'est possible qu'en mode d'accès normal");
    }
    if (transaction == Transaction.TD0_5 && vihf.purposeOfUse() != PurposeOfUse.CENTRE_15) {
      throw denied("la recherche d'un patient sans INS (TD0.5) n'est permise qu'en mode régulation"
          + " (centre_15)");
    }
  }

  /**
   * The patient of a transaction that needs an open DMP.
   *
   * @throws DmpException {@code DMPPatientNotFound} without a DMP, {@code DMPClosed} when closed
   */
  public Patient openDmp(Vihf vihf) {
    Patient patient = store.patient(vihf.requiredPatient().value())
        .filter(found -> found.state() != DmpState.ABSENT)
        .orElseThrow(() -> new DmpException(DmpError.PATIENT_NOT_FOUND));
    if (patient.state() == DmpState.CLOSED) {
      throw new DmpException(DmpError.CLOSED);
    }
    return patient;
  }

  /**
   * The patient of an XDS transaction (TD2.1, TD3.1, TD3.2, TD3.3) that needs an open DMP: as
   * {@link #openDmp}, except that a missing DMP is the IHE registry error {@code
   * XDSUnknownPatientId} (ITI TF-3, "patient ID not known to the registry"), the documented code
   * for it, rather than a DMP code of our own.
   */
  public Patient openXdsDmp(Vihf vihf) {
    try {
      return openDmp(vihf);
    } catch (DmpException e) {
      if (e.error() == DmpError.PATIENT_NOT_FOUND) {
        throw new DmpException(DmpError.XDS_UNKNOWN_PATIENT_ID);
      }
      throw e;
    }
  }

  /**
   * Refuses access to {@code patient}'s DMP: in normal mode the professional needs a VALIDE
   * authorisation; "bris de glace" and "centre 15" bypass it unless the patient opposed that mode
   * or blocked the professional. Structures (indirect mode) need no authorisation.
   */
  public void checkAccess(Vihf vihf, Patient patient) {
    if (vihf.mode().indirect()) {
      return;
    }
    AuthorizationState state =
        store.authorizationState(vihf.nameId(), patient.ins().value());
    if (state == AuthorizationState.INTERDIT) {
      throw denied("le patient a interdit l'accès de ce professionnel à son DMP");
    }
    switch (vihf.purposeOfUse()) {
      case NORMAL -> {
        if (state == AuthorizationState.EXPIRE) {
          throw denied("l'autorisation d'accès de ce professionnel a expiré");
        }
        if (state == AuthorizationState.NON_EXISTE) {
          throw denied("ce professionnel n'est pas autorisé à accéder à ce DMP");
        }
      }
      case BRIS_DE_GLACE -> {
        if (patient.opposedToBreakGlass()) {
          throw denied("le patient s'est opposé à l'accès en mode bris de glace");
        }
      }
      case CENTRE_15 -> {
        if (patient.opposedToEmergency()) {
          throw denied("le patient s'est opposé à l'accès en mode centre 15");
        }
      }
    }
  }

  /** A rights refusal with {@code reason}. */
  public static DmpException denied(String reason) {
    return new DmpException(DmpError.ACCESS_DENIED, DENIED + reason);
  }
}
