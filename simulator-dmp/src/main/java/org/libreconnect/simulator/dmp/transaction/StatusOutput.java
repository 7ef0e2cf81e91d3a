package org.libreconnect.simulator.dmp.transaction;

import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.soap.XmlWriter;
import org.w3c.dom.Element;

/** The {@code <xResponse><output>…</output></xResponse>} answers of the si-dmp services. */
final class StatusOutput {
  /** The success status. */
  static final String OK = "DMPOk";

  final XmlWriter writer;
  final Element root;
  final Element output;

  private StatusOutput(XmlWriter writer, Element root, Element output) {
    this.writer = writer;
    this.root = root;
    this.output = output;
  }

  /** An empty answer of {@code transaction}, qualified elements with prefix {@code ns1}. */
  static StatusOutput of(Transaction transaction) {
    XmlWriter writer = new XmlWriter(Xml.newDocument(),
        transaction.responseRoot().getNamespaceURI(), "ns1");
    Element root = writer.element(transaction.responseRoot().getLocalPart());
    writer.document().appendChild(root);
    return new StatusOutput(writer, root, writer.add(root, "output"));
  }

  /** Appends {@code status} and {@code context} (an empty element when null) and returns root. */
  Element finish(String status, String context) {
    writer.text(output, "status", status);
    writer.text(output, "context", context);
    return root;
  }
}
