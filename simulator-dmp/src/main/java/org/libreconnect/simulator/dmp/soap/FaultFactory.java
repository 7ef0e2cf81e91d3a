package org.libreconnect.simulator.dmp.soap;

import java.time.Clock;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The one place that turns a refusal into the DMP's answer (dmp.md §3.1): SOAP 1.2 faults for
 * security, VIHF and addressing errors; HL7 acknowledgements, {@code status} fields or XDS
 * {@code RegistryResponse} failures for functional ones, as the transaction reports them.
 */
public final class FaultFactory {
  /** XDS response status URIs. */
  public static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";

  public static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
  public static final String PARTIAL_SUCCESS =
      "urn:ihe:iti:2007:ResponseStatusType:PartialSuccess";
  private static final String ERROR_SEVERITY =
      "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";

  private final Clock clock;

  /** A factory dating HL7 answers with {@code clock}. */
  public FaultFactory(Clock clock) {
    this.clock = clock;
  }

  /**
   * The answer to {@code refusal} of a request for {@code transaction} (null when the body root
   * was not recognised), whose body root is {@code request}.
   */
  public DmpResponse answer(
      Transaction transaction, Element request, DmpException refusal, String relatesTo) {
    DmpError error = refusal.error();
    boolean functional =
        transaction != null
            && (error.kind() == DmpError.Kind.FUNCTIONAL
                || (error.kind() == DmpError.Kind.XDS
                    && transaction.channel() == Transaction.Channel.XDS));
    if (!functional) {
      return soapFault(refusal, relatesTo);
    }
    Document document = Xml.newDocument();
    Element body = switch (transaction.channel()) {
      case HL7_ACK -> hl7Refusal(document, transaction, request, refusal);
      case STATUS -> statusRefusal(document, transaction, refusal);
      case XDS -> xdsFailure(document, transaction, List.of(refusal));
    };
    return new DmpResponse(
        SoapEnvelopes.answer(transaction.responseAction(), relatesTo, body), List.of(), false);
  }

  /** A SOAP 1.2 fault for {@code refusal}, whatever its kind. */
  public DmpResponse soapFault(DmpException refusal, String relatesTo) {
    DmpError error = refusal.error();
    Document envelope = switch (error.kind()) {
      case ADDRESSING -> SoapEnvelopes.fault(relatesTo, false, "wsa", error.code(), refusal.text());
      case RECEIVER -> SoapEnvelopes.fault(relatesTo, true, "soap", error.code(), refusal.text());
      default -> SoapEnvelopes.fault(relatesTo, false, "soap", error.code(), refusal.text());
    };
    return new DmpResponse(envelope, List.of(), true);
  }

  /** An {@code rs:RegistryErrorList} with one {@code RegistryError} per refusal. */
  public Element registryErrorList(Document document, List<DmpException> refusals) {
    XmlWriter rs = new XmlWriter(document, Namespaces.RS, "rs");
    Element list = rs.element("RegistryErrorList", "highestSeverity", ERROR_SEVERITY);
    for (DmpException refusal : refusals) {
      rs.add(list, "RegistryError",
          "errorCode", refusal.error().code(),
          "codeContext", refusal.text(),
          "severity", ERROR_SEVERITY,
          "location", "DMP");
    }
    return list;
  }

  /** The XDS answer of {@code transaction} with status Failure and {@code refusals}. */
  public Element xdsFailure(Document document, Transaction transaction, List<DmpException> refusals) {
    XmlWriter rs = new XmlWriter(document, Namespaces.RS, "rs");
    return switch (transaction) {
      case TD3_1 -> {
        XmlWriter query = new XmlWriter(document, Namespaces.QUERY, "query");
        Element root = query.element("AdhocQueryResponse", "status", FAILURE);
        root.appendChild(registryErrorList(document, refusals));
        yield root;
      }
      case TD3_2 -> {
        XmlWriter xdsb = new XmlWriter(document, Namespaces.XDSB, "xdsb");
        Element root = xdsb.element("RetrieveDocumentSetResponse");
        Element response = rs.add(root, "RegistryResponse", "status", FAILURE);
        response.appendChild(registryErrorList(document, refusals));
        yield root;
      }
      default -> {
        Element root = rs.element("RegistryResponse", "status", FAILURE);
        root.appendChild(registryErrorList(document, refusals));
        yield root;
      }
    };
  }

  private Element hl7Refusal(
      Document document, Transaction transaction, Element request, DmpException refusal) {
    Element root =
        Hl7Answer.start(document, request, clock.instant(), transaction.refusalRoot());
    Hl7Answer.acknowledge(root, request, refusal.error().code(), refusal.text());
    XmlWriter hl7 = new XmlWriter(document, Namespaces.HL7, null);
    Element controlAct = hl7.add(root, "controlActProcess", "classCode", "CACT", "moodCode", "EVN");
    Xml.descendant(request, Namespaces.HL7, "reasonCode")
        .ifPresent(reason -> controlAct.appendChild(document.importNode(reason, true)));
    if (transaction.hl7Query()) {
      Hl7Answer.queryAck(controlAct, request, "AE");
    }
    return root;
  }

  private Element statusRefusal(Document document, Transaction transaction, DmpException refusal) {
    String namespace = transaction.responseRoot().getNamespaceURI();
    XmlWriter writer = new XmlWriter(document, namespace, "ns1");
    Element root = writer.element(transaction.responseRoot().getLocalPart());
    Element output = writer.add(root, "output");
    writer.text(output, "status", refusal.error().code());
    writer.text(output, "context", refusal.text());
    return root;
  }
}
