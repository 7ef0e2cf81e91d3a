package org.libreconnect.simulator.dmp.soap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/** Secure DOM parsing (no DTD, no external entities), serialisation and child lookups. */
public final class Xml {
  private static final DocumentBuilderFactory FACTORY = secureFactory();

  private Xml() {}

  /** Parses {@code bytes} namespace-aware; DTDs are refused. */
  public static Document parse(byte[] bytes) {
    try {
      return builder().parse(new ByteArrayInputStream(bytes));
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Parses {@code text} namespace-aware; DTDs are refused. */
  public static Document parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** An empty document. */
  public static Document newDocument() {
    return builder().newDocument();
  }

  /** {@code node} as UTF-8 bytes, without an XML declaration. */
  public static byte[] serialize(Node node) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.transform(new DOMSource(node), new StreamResult(out));
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot serialise XML", e);
    }
    return out.toByteArray();
  }

  /** {@code node} as a string, without an XML declaration. */
  public static String toString(Node node) {
    return new String(serialize(node), StandardCharsets.UTF_8);
  }

  /** The element children of {@code parent}. */
  public static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        children.add(element);
      }
    }
    return children;
  }

  /** The children of {@code parent} named {@code namespace}:{@code local}. */
  public static List<Element> children(Element parent, String namespace, String local) {
    List<Element> matching = new ArrayList<>();
    for (Element child : children(parent)) {
      if (is(child, namespace, local)) {
        matching.add(child);
      }
    }
    return matching;
  }

  /** The first child of {@code parent} named {@code namespace}:{@code local}. */
  public static Optional<Element> child(Element parent, String namespace, String local) {
    return children(parent, namespace, local).stream().findFirst();
  }

  /** The first descendant of {@code parent} named {@code namespace}:{@code local}. */
  public static Optional<Element> descendant(Element parent, String namespace, String local) {
    List<Element> found = descendants(parent, namespace, local);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every descendant of {@code parent} named {@code namespace}:{@code local}, document order. */
  public static List<Element> descendants(Element parent, String namespace, String local) {
    List<Element> found = new ArrayList<>();
    var nodes = parent.getElementsByTagNameNS(namespace, local);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  /** The trimmed text of the first child named {@code namespace}:{@code local}, if any. */
  public static Optional<String> childText(Element parent, String namespace, String local) {
    return child(parent, namespace, local).map(Xml::text).filter(text -> !text.isEmpty());
  }

  /** The trimmed text content of {@code element}. */
  public static String text(Element element) {
    return element.getTextContent() == null ? "" : element.getTextContent().trim();
  }

  /** The attribute's value, or empty when absent or blank. */
  public static Optional<String> attribute(Element element, String name) {
    String value = element.getAttribute(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** Whether {@code element} is {@code namespace}:{@code local}. */
  public static boolean is(Element element, String namespace, String local) {
    return local.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI());
  }

  private static DocumentBuilder builder() {
    try {
      synchronized (FACTORY) {
        return FACTORY.newDocumentBuilder();
      }
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML parser", e);
    }
  }

  private static DocumentBuilderFactory secureFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("cannot configure a secure XML parser", e);
    }
    return factory;
  }
}
