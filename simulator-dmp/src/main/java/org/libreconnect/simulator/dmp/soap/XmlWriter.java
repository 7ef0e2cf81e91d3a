package org.libreconnect.simulator.dmp.soap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Appends elements of one namespace and prefix to a DOM document, attributes as name-value pairs. */
public final class XmlWriter {
  private final Document document;
  private final String namespace;
  private final String prefix;

  /** Writes {@code namespace} elements with {@code prefix} (null or empty for the default). */
  public XmlWriter(Document document, String namespace, String prefix) {
    this.document = document;
    this.namespace = namespace;
    this.prefix = prefix == null || prefix.isEmpty() ? null : prefix;
  }

  /** The document written to. */
  public Document document() {
    return document;
  }

  /** A new element not yet attached, declaring the namespace. */
  public Element element(String local, String... attributes) {
    Element element =
        document.createElementNS(namespace, prefix == null ? local : prefix + ":" + local);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        element.setAttribute(attributes[i], attributes[i + 1]);
      }
    }
    return element;
  }

  /** Appends a new element to {@code parent} and returns it. */
  public Element add(Node parent, String local, String... attributes) {
    Element element = element(local, attributes);
    parent.appendChild(element);
    return element;
  }

  /** Appends a new element holding {@code text} (nothing when text is null). */
  public Element text(Node parent, String local, String text, String... attributes) {
    Element element = add(parent, local, attributes);
    if (text != null) {
      element.setTextContent(text);
    }
    return element;
  }

  /** Sets {@code xsi:type} on {@code element}. */
  public static Element xsiType(Element element, String type) {
    element.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", Namespaces.XSI);
    element.setAttributeNS(Namespaces.XSI, "xsi:type", type);
    return element;
  }
}
