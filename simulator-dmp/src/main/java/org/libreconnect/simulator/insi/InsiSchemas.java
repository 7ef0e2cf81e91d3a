package org.libreconnect.simulator.insi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official INSi schemas, shipped unchanged under {@code /insi/schemas/} (provenance in its
 * README), compiled once per JVM. Imports are resolved by file name inside that folder, never on
 * the network.
 */
final class InsiSchemas {
  static final String REC_SANS = "INSi_RECSANS_INS.xsd";
  static final String REC_VITALE = "INSi_RECVITALE_INS.xsd";
  static final String RESULTAT = "INSi_RESULTAT_INS.xsd";
  static final String CTX_LPS = "ROOT_ctxlps_CTXLPS_V01_00.xsd";
  static final String CTX_BAM = "ROOT_ctxbam_CTXBAM_V01_02.xsd";
  static final String SECURITY = "Security.xsd";
  static final String ADDRESSING = "ws-addr.xsd";

  private static final String ROOT = "/insi/schemas/";
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

  private InsiSchemas() {}

  /** The validation errors of {@code element} against {@code file}; empty when valid. */
  static List<String> errors(String file, Element element) {
    List<String> errors = new ArrayList<>();
    Validator validator = COMPILED.computeIfAbsent(file, InsiSchemas::compile).newValidator();
    validator.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        errors.add(e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    });
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.validate(new DOMSource(element));
    } catch (SAXException e) {
      if (errors.isEmpty()) {
        errors.add(e.getMessage());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errors;
  }

  private static Schema compile(String file) {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
      if (systemId == null) {
        return null;
      }
      String name = systemId.substring(systemId.lastIndexOf('/') + 1);
      if (name.equals("saml-schema-assertion-2.0.xsd")) {
        name = "saml-schema-assertion-2.xsd";
      }
      InputStream in = InsiSchemas.class.getResourceAsStream(ROOT + name);
      if (in == null) {
        throw new IllegalStateException("INSi schema " + name + " is not shipped");
      }
      return new ResourceInput(ROOT + name, in);
    });
    try (InputStream in = InsiSchemas.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("INSi schema " + file + " is not shipped");
      }
      return factory.newSchema(new StreamSource(in, ROOT + file));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("cannot compile the INSi schema " + file + ": " + e.getMessage(), e);
    }
  }

  /** A schema import read from the class path. */
  private record ResourceInput(String systemId, InputStream stream) implements LSInput {
    @Override public java.io.Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(java.io.Reader characterStream) {}
    @Override public InputStream getByteStream() { return stream; }
    @Override public void setByteStream(InputStream byteStream) {}
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String stringData) {}
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String id) {}
    @Override public String getPublicId() { return null; }
    @Override public void setPublicId(String publicId) {}
    @Override public String getBaseURI() { return null; }
    @Override public void setBaseURI(String baseURI) {}
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String encoding) {}
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean certifiedText) {}
  }
}
