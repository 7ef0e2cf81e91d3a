package org.libreconnect.simulator.dmp;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.libreconnect.simulator.dmp.check.OfficialSchemas;
import org.libreconnect.simulator.dmp.check.RequestJournal;
import org.libreconnect.simulator.dmp.check.RequestRules;
import org.libreconnect.simulator.dmp.inject.FaultInjector;
import org.libreconnect.simulator.dmp.soap.Addressing;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.DmpRequest;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.FaultFactory;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.SoapEnvelopes;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.transaction.AdministrativeDataHandler;
import org.libreconnect.simulator.dmp.transaction.Answer;
import org.libreconnect.simulator.dmp.transaction.AuthorizationListHandler;
import org.libreconnect.simulator.dmp.transaction.ExistenceTestHandler;
import org.libreconnect.simulator.dmp.transaction.PatientListHandler;
import org.libreconnect.simulator.dmp.transaction.PatientRecordHandler;
import org.libreconnect.simulator.dmp.transaction.PatientSearchHandler;
import org.libreconnect.simulator.dmp.transaction.ProvideAndRegisterHandler;
import org.libreconnect.simulator.dmp.transaction.RetrieveDocumentHandler;
import org.libreconnect.simulator.dmp.transaction.RightsMatrix;
import org.libreconnect.simulator.dmp.transaction.SetAuthorizationHandler;
import org.libreconnect.simulator.dmp.transaction.StoredQueryHandler;
import org.libreconnect.simulator.dmp.transaction.TransactionContext;
import org.libreconnect.simulator.dmp.transaction.TransactionHandler;
import org.libreconnect.simulator.dmp.transaction.TransactionRouter;
import org.libreconnect.simulator.dmp.transaction.UpdateDocumentSetHandler;
import org.libreconnect.simulator.dmp.vihf.Vihf;
import org.libreconnect.simulator.dmp.vihf.VihfPolicy;
import org.libreconnect.simulator.dmp.vihf.VihfValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Answers one SOAP request, whatever carried it: finds the transaction from the body root,
 * checks it is posted to the right service, requires the WS-Addressing headers, applies injected
 * errors and delays, validates the VIHF, applies the rights matrix and hands over to the
 * transaction's handler. Every refusal goes through {@link FaultFactory}. Logs the transaction,
 * the shortened INS and the result, never contents.
 */
public final class DmpDispatcher {
  private static final Logger log = LoggerFactory.getLogger(DmpDispatcher.class);

  private final RequestRules requestRules = new RequestRules();
  private final RequestJournal journal = new RequestJournal();
  private final TransactionRouter router = new TransactionRouter();
  private final Map<Transaction, TransactionHandler> handlers;
  private final VihfValidator validator;
  private final RightsMatrix rights;
  private final FaultFactory faults;
  private final FaultInjector injector;
  private final Clock clock;

  private DmpDispatcher(Map<Transaction, TransactionHandler> handlers, VihfValidator validator,
      RightsMatrix rights, FaultFactory faults, FaultInjector injector, Clock clock) {
    this.handlers = handlers;
    this.validator = validator;
    this.rights = rights;
    this.faults = faults;
    this.injector = injector;
    this.clock = clock;
  }

  /** A dispatcher over {@code store}, checking VIHFs with {@code policy} against {@code clock}. */
  public static DmpDispatcher create(
      DmpStore store, VihfPolicy policy, FaultInjector injector, Clock clock) {
    OfficialSchemas.preload();
    RightsMatrix rights = new RightsMatrix(store);
    FaultFactory faults = new FaultFactory(clock);
    Map<Transaction, TransactionHandler> handlers = new EnumMap<>(Transaction.class);
    handlers.put(Transaction.TD0_2, new ExistenceTestHandler(store));
    handlers.put(Transaction.TD0_3, new SetAuthorizationHandler(store, rights));
    handlers.put(Transaction.TD0_4, new PatientListHandler(store));
    handlers.put(Transaction.TD0_5, new PatientSearchHandler(store));
    handlers.put(Transaction.TD1_3A, new AdministrativeDataHandler(store, rights));
    PatientRecordHandler records = new PatientRecordHandler(store, rights);
    for (Transaction transaction : new Transaction[] {
        Transaction.TD1_1, Transaction.TD1_2, Transaction.TD1_3B, Transaction.TD1_4}) {
      handlers.put(transaction, records);
    }
    handlers.put(Transaction.TD1_6, new AuthorizationListHandler(store, rights));
    handlers.put(Transaction.TD2_1, new ProvideAndRegisterHandler(store, rights));
    handlers.put(Transaction.TD3_1, new StoredQueryHandler(store, rights));
    handlers.put(Transaction.TD3_2, new RetrieveDocumentHandler(store, rights, faults));
    handlers.put(Transaction.TD3_3, new UpdateDocumentSetHandler(store, rights));
    return new DmpDispatcher(handlers, new VihfValidator(policy, clock, store), rights, faults,
        injector, clock);
  }

  /** Every request dispatched so far (for conformance checks after a scenario). */
  public RequestJournal journal() {
    return journal;
  }

  /** The answer to {@code request}: never throws for anything the client sent. */
  public DmpResponse dispatch(DmpRequest request) {
    long started = System.nanoTime();
    Element envelope = request.envelope().getDocumentElement();
    boolean soap = envelope != null && "Envelope".equals(envelope.getLocalName())
        && (Namespaces.SOAP12.equals(envelope.getNamespaceURI())
            || Namespaces.SOAP11.equals(envelope.getNamespaceURI()));
    String namespace = soap ? envelope.getNamespaceURI() : Namespaces.SOAP12;
    Element header = soap ? Xml.child(envelope, namespace, "Header").orElse(null) : null;
    Element body = soap ? Xml.child(envelope, namespace, "Body")
        .flatMap(found -> Xml.children(found).stream().findFirst()).orElse(null) : null;
    String relatesTo = Addressing.messageIdOf(header).orElse(null);
    Transaction transaction = null;
    String patient = "-";
    DmpResponse response;
    try {
      if (body == null) {
        throw new DmpException(DmpError.INVALID_MESSAGE,
            "Message invalide : une enveloppe SOAP 1.2 avec un corps est attendue");
      }
      transaction = router.resolve(body).orElse(null);
      journal.record(transaction, body, request);
      if (transaction == null) {
        throw new DmpException(DmpError.INVALID_MESSAGE, "Message invalide : opération inconnue {"
            + body.getNamespaceURI() + "}" + body.getLocalName());
      }
      if (transaction.service() != request.service()) {
        throw new DmpException(DmpError.INVALID_MESSAGE, "Message invalide : "
            + transaction.label() + " est servie par " + transaction.service().path());
      }
      Addressing addressing = Addressing.read(header);
      pause(injector.delayFor(transaction));
      Optional<DmpException> forced = injector.takeForcedError(transaction);
      if (forced.isPresent()) {
        throw forced.get();
      }
      requestRules.check(transaction, addressing.action(), body);
      Vihf vihf = validator.validate(header, transaction.patientLevel(), request.client());
      patient = vihf.patient().map(Ins::shortened).orElse("-");
      rights.checkTransaction(transaction, vihf);
      Answer answer = handlers.get(transaction)
          .handle(new TransactionContext(transaction, body, vihf, request, clock.instant()));
      response = new DmpResponse(
          SoapEnvelopes.answer(transaction.responseAction(), relatesTo, answer.body()),
          answer.attachments(), false);
      log(transaction, patient, answer.result(), started);
    } catch (DmpException refusal) {
      response = faults.answer(transaction, body, refusal, relatesTo);
      log(transaction, patient, refusal.error().code(), started);
    } catch (RuntimeException e) {
      log.warn("dmp.internal-error transaction={} error={}",
          transaction == null ? "?" : transaction.label(), e.getClass().getName(), e);
      response = faults.soapFault(new DmpException(DmpError.INTERNAL), relatesTo);
    }
    return response;
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void log(Transaction transaction, String patient, String result, long started) {
    log.info("dmp.transaction {} ins={} result={} ms={}",
        transaction == null ? "?" : transaction.label(), patient, result,
        (System.nanoTime() - started) / 1_000_000);
  }
}
