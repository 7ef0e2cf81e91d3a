package org.libreconnect.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only place that turns bytes into a DOM. The parser is the JDK's own, whatever is on the class
 * path, and it refuses every DOCTYPE, so no entity, internal or external, is ever expanded; it
 * fetches nothing and processes no XInclude.
 */
final class SecureXml {

  /** A configuration file is a few kilobytes; anything much bigger is not one. */
  static final int MAX_BYTES = 1024 * 1024;

  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";
  private static final String EXTERNAL_GENERAL_ENTITIES =
      "http://xml.org/sax/features/external-general-entities";
  private static final String EXTERNAL_PARAMETER_ENTITIES =
      "http://xml.org/sax/features/external-parameter-entities";
  private static final String LOAD_EXTERNAL_DTD =
      "http://apache.org/xml/features/nonvalidating/load-external-dtd";
  private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

  /** Far deeper than the format needs, shallow enough that no recursive DOM walk overflows. */
  static final int MAX_DEPTH = 64;

  private SecureXml() {}

  /** Reads at most {@link #MAX_BYTES} from {@code in}; a longer stream is refused. */
  static byte[] readAll(InputStream in, String sourceName) {
    try {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new ConfigException(
            sourceName + ": larger than " + MAX_BYTES / 1024 + " KiB, not a configuration file");
      }
      return bytes;
    } catch (IOException e) {
      throw new ConfigException("cannot read " + sourceName + ": " + e.getMessage(), e);
    }
  }

  /** Parses {@code xml}; the exception for malformed XML names {@code sourceName} and the line. */
  static Document parse(byte[] xml, String sourceName) {
    try {
      return newBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXParseException e) {
      throw new ConfigException(sourceName + ": invalid XML" + where(e) + ": " + e.getMessage(), e);
    } catch (SAXException | IOException e) {
      throw new ConfigException(sourceName + ": invalid XML: " + e.getMessage(), e);
    }
  }

  /** A new document holding only an empty root element. */
  static Document emptyDocument(String rootName) {
    Document document = newBuilder().newDocument();
    document.appendChild(document.createElement(rootName));
    return document;
  }

  static DocumentBuilder newBuilder() {
    try {
      DocumentBuilder builder = newFactory().newDocumentBuilder();
      builder.setErrorHandler(new FailFast());
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
          });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
    }
  }

  private static DocumentBuilderFactory newFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature(DISALLOW_DOCTYPE, true);
    factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
    factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
    factory.setFeature(LOAD_EXTERNAL_DTD, false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(false);
    factory.setValidating(false);
    return factory;
  }

  private static String where(SAXParseException e) {
    if (e.getLineNumber() < 0) {
      return "";
    }
    return " at line " + e.getLineNumber()
        + (e.getColumnNumber() < 0 ? "" : ", column " + e.getColumnNumber());
  }

  /** Turns every error into an exception instead of the parser's default print to stderr. */
  private static final class FailFast implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      // Warnings do not make the file unusable.
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }
}
