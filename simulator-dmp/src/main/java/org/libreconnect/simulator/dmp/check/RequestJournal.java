package org.libreconnect.simulator.dmp.check;

import java.util.ArrayList;
import java.util.List;
import org.libreconnect.simulator.dmp.soap.DmpRequest;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/**
 * Every request the simulator was sent, kept in memory so that a test can check, after a whole
 * scenario, that each one is conforming ({@link #nonConformities()}), whatever the simulator
 * answered. Bodies and documents are kept only as long as the simulator lives.
 */
public final class RequestJournal {
  /**
   * One request.
   *
   * @param transaction what its body root names, null when unknown
   * @param body the body root, as a document of its own
   * @param documents for TD2.1, the bytes of each document entry but the XAdES signature
   */
  public record Entry(Transaction transaction, Element body, List<byte[]> documents) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Records {@code body} of {@code request} as {@code transaction} (null when unknown). */
  public void record(Transaction transaction, Element body, DmpRequest request) {
    if (body == null) {
      return;
    }
    List<byte[]> documents = new ArrayList<>();
    if (transaction == Transaction.TD2_1) {
      for (Element document : Xml.descendants(body, Namespaces.XDSB, "Document")) {
        Xml.child(document, Namespaces.XOP, "Include")
            .flatMap(include -> request.attachment(include.getAttribute("href")))
            .ifPresent(part -> documents.add(part.content()));
      }
    }
    Element copy = StandaloneBody.of(body).getDocumentElement();
    synchronized (entries) {
      entries.add(new Entry(transaction, copy, List.copyOf(documents)));
    }
  }

  /** The requests recorded so far, oldest first. */
  public List<Entry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /** Forgets every request. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /**
   * What is not conforming in the recorded requests, each line naming the request: unknown
   * operations, schema errors of the bodies, and CDA violations of the TD2.1 documents (the XAdES
   * signature, told apart by its root element, is left to its own format). Empty when everything
   * the DMP was sent would pass the official schemas and the CDA rules.
   */
  public List<String> nonConformities() {
    List<String> problems = new ArrayList<>();
    CdaRules cdaRules = new CdaRules();
    List<Entry> all = entries();
    for (int i = 0; i < all.size(); i++) {
      Entry entry = all.get(i);
      String name = "#" + (i + 1) + " ";
      if (entry.transaction() == null) {
        problems.add(name + "unknown operation {" + entry.body().getNamespaceURI() + "}"
            + entry.body().getLocalName());
        continue;
      }
      name += entry.transaction().label();
      for (String error : RequestRules.schemaErrors(entry.transaction(), entry.body())) {
        problems.add(name + " " + error);
      }
      for (byte[] document : entry.documents()) {
        if (isCda(document)) {
          for (String violation : cdaRules.violations(document)) {
            problems.add(name + " CDA: " + violation);
          }
        }
      }
    }
    return problems;
  }

  private static boolean isCda(byte[] document) {
    try {
      Element root = Xml.parse(document).getDocumentElement();
      return !Namespaces.DSIG.equals(root.getNamespaceURI());
    } catch (RuntimeException e) {
      return true;
    }
  }
}
