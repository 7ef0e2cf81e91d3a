package org.libreconnect.simulator.dmp.transaction;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.libreconnect.simulator.dmp.store.Authorization;
import org.libreconnect.simulator.dmp.store.AuthorizationState;
import org.libreconnect.simulator.dmp.store.DmpState;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.store.Patient;
import org.libreconnect.simulator.dmp.store.StoredDocument;
import org.w3c.dom.Element;

/**
 * TD0.4: the open DMPs the caller is authorised on, changed since {@code startDate} by
 * authorisation ({@code LASTAUTORIZATION}) or by document ({@code LASTDOC}) (dmp.md §2.4).
 */
public final class PatientListHandler implements TransactionHandler {
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{8}([0-9]{6})?");

  private final DmpStore store;

  /** A handler reading {@code store}. */
  public PatientListHandler(DmpStore store) {
    this.store = store;
  }

  @Override
  public Answer handle(TransactionContext context) {
    String startDate = Fields.text(context.body(), "startDate").orElse("00000000000000");
    if (!TIMESTAMP.matcher(startDate).matches()) {
      throw new DmpException(DmpError.INVALID_MESSAGE,
          "Message invalide : startDate doit être de la forme yyyyMMddHHmmss");
    }
    String dateType = Fields.text(context.body(), "dateType").orElse("LASTAUTORIZATION");
    if (!dateType.equals("LASTAUTORIZATION") && !dateType.equals("LASTDOC")) {
      throw new DmpException(DmpError.INVALID_MESSAGE,
          "Message invalide : dateType doit valoir LASTAUTORIZATION ou LASTDOC");
    }
    StatusOutput answer = StatusOutput.of(Transaction.TD0_4);
    int count = 0;
    for (Authorization authorization : store.authorizationsOf(context.vihf().nameId())) {
      Optional<Patient> patient = store.patient(authorization.ins())
          .filter(found -> found.state() == DmpState.EXISTING);
      if (authorization.state() != AuthorizationState.VALIDE || patient.isEmpty()) {
        continue;
      }
      Optional<String> lastDocument = store.documentsOf(authorization.ins()).stream()
          .map(StoredDocument::submissionTime).max(Comparator.naturalOrder());
      String reference = dateType.equals("LASTDOC")
          ? lastDocument.orElse("") : authorization.since();
      if (reference.isEmpty() || reference.compareTo(startDate) < 0) {
        continue;
      }
      write(answer, patient.get(), authorization, lastDocument);
      count++;
    }
    return Answer.of(answer.finish(StatusOutput.OK, null), count + " patients");
  }

  private static void write(StatusOutput answer, Patient patient, Authorization authorization,
      Optional<String> lastDocument) {
    XmlWriter out = answer.writer;
    Element data = out.add(answer.output, "patientlistData");
    for (List<String> id : patient.insC() == null
        ? List.of(List.of(patient.ins().value(), patient.ins().oid()))
        : List.of(List.of(patient.insC(), Ins.INS_C_OID),
            List.of(patient.ins().value(), patient.ins().oid()))) {
      Element identifier = out.add(data, "patientIdentifier");
      out.text(identifier, "nationalId", id.get(0));
      out.text(identifier, "nationalIdType", id.get(1));
    }
    out.text(data, "lastName", patient.family());
    out.text(data, "firstName", patient.given());
    out.text(data, "dateOfBirth", patient.birthDate());
    out.text(data, "MT", Boolean.toString(authorization.treatingPhysician()));
    out.text(data, "message", "false");
    out.text(data, "lastAccessDate", authorization.lastAction());
    out.text(data, "lastUpdateDate", lastDocument.orElse(authorization.lastAction()));
    out.text(data, "lastAddDate", lastDocument.orElse(authorization.since()));
  }
}
