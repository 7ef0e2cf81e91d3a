package org.libreconnect.simulator.dmp.transaction;

import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.libreconnect.simulator.dmp.store.Author;
import org.libreconnect.simulator.dmp.store.Authorization;
import org.libreconnect.simulator.dmp.store.AuthorizationState;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Patient;
import org.libreconnect.simulator.dmp.store.Professional;
import org.w3c.dom.Element;

/**
 * TD1.6: the professionals authorised on ({@code ACTIVE}) or blocked from ({@code INTERDITE}) the
 * VIHF's patient's DMP, or both ({@code TOUTE}) (dmp.md §2.5).
 */
public final class AuthorizationListHandler implements TransactionHandler {
  private final DmpStore store;
  private final RightsMatrix rights;

  /** A handler reading {@code store} under {@code rights}. */
  public AuthorizationListHandler(DmpStore store, RightsMatrix rights) {
    this.store = store;
    this.rights = rights;
  }

  @Override
  public Answer handle(TransactionContext context) {
    String mode = Fields.text(context.body(), "mode").orElse("TOUTE");
    boolean active = mode.equals("ACTIVE") || mode.equals("TOUTE");
    boolean blocked = mode.equals("INTERDITE") || mode.equals("TOUTE");
    if (!active && !blocked) {
      throw new DmpException(DmpError.INVALID_MESSAGE,
          "Message invalide : mode doit valoir ACTIVE, INTERDITE ou TOUTE");
    }
    Patient patient = rights.openDmp(context.vihf());
    rights.checkAccess(context.vihf(), patient);
    StatusOutput answer = StatusOutput.of(Transaction.TD1_6);
    XmlWriter out = answer.writer;
    int count = 0;
    for (Authorization authorization : store.authorizationsOnPatient(patient.ins().value())) {
      boolean isActive = authorization.state() == AuthorizationState.VALIDE;
      boolean isBlocked = authorization.state() == AuthorizationState.INTERDIT;
      if (!(isActive && active) && !(isBlocked && blocked)) {
        continue;
      }
      Optional<Professional> professional = store.professional(authorization.psIdNat());
      Element item = out.add(answer.output, "listOfAuthorizationByPatient");
      out.text(item, "nationalId", authorization.psIdNat());
      out.text(item, "nationalIdType", Author.PS_OID);
      out.text(item, "firstName", professional.map(Professional::given).orElse(""));
      out.text(item, "lastName", professional.map(Professional::family).orElse(""));
      professional.ifPresent(p -> {
        out.text(item, "codeSpeciality", p.specialityCode());
        out.text(item, "libSpeciality", p.specialityLabel());
      });
      out.text(item, "startOfAuthorization", authorization.since());
      out.text(item, "lastActionDate", authorization.lastAction());
      out.text(item, "mode", isActive ? "ACTIVE" : "INTERDITE");
      if (authorization.treatingPhysician()) {
        out.text(item, "specificRight", SetAuthorizationHandler.TREATING_PHYSICIAN);
      }
      count++;
    }
    return Answer.of(answer.finish(StatusOutput.OK, null), count + " professionals");
  }
}
