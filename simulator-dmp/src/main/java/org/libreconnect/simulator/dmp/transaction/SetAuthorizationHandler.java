package org.libreconnect.simulator.dmp.transaction;

import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Hl7Answer;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.store.Authorization;
import org.libreconnect.simulator.dmp.store.AuthorizationState;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Patient;
import org.libreconnect.simulator.dmp.store.Professional;
import org.libreconnect.simulator.dmp.vihf.Role;
import org.libreconnect.simulator.dmp.vihf.Vihf;

/**
 * TD0.3: the caller adds or removes their own authorisation on the VIHF's patient, or their
 * treating-physician role (dmp.md §2.3). A patient's block (INTERDIT) cannot be lifted.
 */
public final class SetAuthorizationHandler implements TransactionHandler {
  static final String TREATING_PHYSICIAN = "MEDECIN_TRAITANT";

  private final DmpStore store;
  private final RightsMatrix rights;

  /** A handler changing {@code store} under {@code rights}. */
  public SetAuthorizationHandler(DmpStore store, RightsMatrix rights) {
    this.store = store;
    this.rights = rights;
  }

  @Override
  public Answer handle(TransactionContext context) {
    String action = Fields.required(context.body(), "action");
    boolean role = TREATING_PHYSICIAN.equals(Fields.text(context.body(), "role").orElse(""));
    Vihf vihf = context.vihf();
    Patient patient = rights.openDmp(vihf);
    String ps = vihf.nameId();
    String ins = patient.ins().value();
    String now = Hl7Answer.time(context.now());
    Optional<Authorization> current = store.authorization(ps, ins);
    AuthorizationState state = current.map(Authorization::state)
        .orElse(AuthorizationState.NON_EXISTE);
    boolean mt = current.map(Authorization::treatingPhysician).orElse(false);
    String result;
    switch (action) {
      case "AJOUT" -> {
        if (state == AuthorizationState.INTERDIT) {
          throw RightsMatrix.denied("le patient a interdit l'accès de ce professionnel à son DMP");
        }
        if (role && !(vihf.healthProfessional() && Role.DOCTOR.equals(vihf.profession().code()))) {
          throw RightsMatrix.denied("seul un médecin peut se déclarer médecin traitant");
        }
        if (state == AuthorizationState.VALIDE && (!role || mt)) {
          result = "Autorisation déjà présente aucune action effectuée";
        } else {
          store.putAuthorization(state == AuthorizationState.VALIDE
              ? current.get().with(AuthorizationState.VALIDE, true, now)
              : new Authorization(ps, ins, AuthorizationState.VALIDE, role, now, now));
          remember(context);
          result = role ? "Autorisation ajoutée en tant que médecin traitant" : "Autorisation ajoutée";
        }
      }
      case "SUPPRESSION" -> {
        if (role) {
          if (state != AuthorizationState.VALIDE || !mt) {
            throw RightsMatrix.denied("seul le médecin traitant peut retirer ce rôle");
          }
          store.putAuthorization(current.get().with(AuthorizationState.VALIDE, false, now));
          result = "Rôle de médecin traitant retiré";
        } else if (state == AuthorizationState.VALIDE || state == AuthorizationState.EXPIRE) {
          store.removeAuthorization(ps, ins);
          result = "Autorisation supprimée";
        } else {
          result = "Aucune autorisation à supprimer aucune action effectuée";
        }
      }
      default -> throw new DmpException(DmpError.INVALID_MESSAGE,
          "Message invalide : action doit valoir AJOUT ou SUPPRESSION");
    }
    return Answer.of(StatusOutput.of(Transaction.TD0_3).finish(StatusOutput.OK, result), action);
  }

  private void remember(TransactionContext context) {
    Vihf vihf = context.vihf();
    var client = context.request().client();
    Role profession = vihf.profession();
    store.rememberProfessional(new Professional(vihf.nameId(),
        client.flatMap(c -> c.surname()).orElse(""),
        client.flatMap(c -> c.givenName()).orElse(""),
        profession.code(), client.flatMap(c -> c.title()).orElse(profession.code()),
        vihf.specialty().map(Role::code).orElse(null), null));
  }
}
