package org.libreconnect.dmp.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Small DOM helpers for building DMP messages and reading answers: namespaced elements, children
 * by local name, text. Parsing is secure (no DTD, no external entities), as for the configuration.
 *
 * <p>Each thread keeps its parser and serialiser, made from the JDK's own implementations: looking
 * a JAXP factory up through the class path scans every jar of the worker, which cost more than the
 * parse itself on each DMP transaction.
 */
public final class Xml {
  private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(Xml::newBuilder);
  private static final ThreadLocal<Transformer> SERIALISERS = ThreadLocal.withInitial(Xml::newSerialiser);

  private Xml() {}

  /** A new, empty, namespace-aware document. */
  public static Document newDocument() {
    return builder().newDocument();
  }

  /** Parses {@code bytes} securely. */
  public static Document parse(byte[] bytes) {
    try {
      return builder().parse(new ByteArrayInputStream(bytes));
    } catch (SAXException | java.io.IOException e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Serialises {@code node} as UTF-8 without an XML declaration. */
  public static byte[] toBytes(Node node) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SERIALISERS.get().transform(new DOMSource(node), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot serialise XML", e);
    }
  }

  /** Appends a new element {@code prefix:name} of namespace {@code ns} to {@code parent}. */
  public static Element add(Node parent, String ns, String qualifiedName) {
    Document document = parent instanceof Document d ? d : parent.getOwnerDocument();
    Element element = document.createElementNS(ns, qualifiedName);
    parent.appendChild(element);
    return element;
  }

  /** Like {@link #add} with text content. */
  public static Element add(Node parent, String ns, String qualifiedName, String text) {
    Element element = add(parent, ns, qualifiedName);
    element.setTextContent(text == null ? "" : text);
    return element;
  }

  /** Sets attributes given as name, value pairs; null values are skipped. */
  public static Element attrs(Element element, String... nameValues) {
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      if (nameValues[i + 1] != null) {
        element.setAttribute(nameValues[i], nameValues[i + 1]);
      }
    }
    return element;
  }

  /** The child elements of {@code parent} with local name {@code name}, any namespace. */
  public static List<Element> children(Node parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) {
        found.add(e);
      }
    }
    return found;
  }

  /** The first child with local name {@code name}. */
  public static Optional<Element> child(Node parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Follows a path of local names from {@code parent}, taking the first match at each step. */
  public static Optional<Element> path(Node parent, String... names) {
    Node current = parent;
    for (String name : names) {
      Optional<Element> next = child(current, name);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return Optional.of((Element) current);
  }

  /** Every descendant of {@code parent} with local name {@code name}, in document order. */
  public static List<Element> descendants(Node parent, String name) {
    List<Element> found = new ArrayList<>();
    collect(parent, name, found);
    return found;
  }

  /** The trimmed text at {@code path}, or "". */
  public static String text(Node parent, String... names) {
    return path(parent, names).map(e -> e.getTextContent().strip()).orElse("");
  }

  /** The attribute {@code attribute} of the element at {@code path}, or "". */
  public static String attr(Node parent, String attribute, String... names) {
    return path(parent, names).map(e -> e.getAttribute(attribute)).orElse("");
  }

  /** The first element child of {@code parent}, if any. */
  public static Optional<Element> firstElement(Node parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The local name, also for elements created without a namespace. */
  public static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  private static void collect(Node parent, String name, List<Element> found) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (name.equals(localName(e))) {
          found.add(e);
        }
        collect(e, name, found);
      }
    }
  }

  private static DocumentBuilder builder() {
    DocumentBuilder builder = BUILDERS.get();
    builder.reset();
    return builder;
  }

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no secure XML parser", e);
    }
  }

  private static Transformer newSerialiser() {
    try {
      TransformerFactory factory = TransformerFactory.newDefaultInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      return transformer;
    } catch (TransformerException e) {
      throw new IllegalStateException("no XML serialiser", e);
    }
  }
}
