package org.libreconnect.dmp.cda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * CDA R2 with the French extensions ({@code CDA_extended.xsd}, shipped under {@code
 * /dmp/schemas/cda/}, provenance in its README): what a structured document must be valid
 * against before it is sent. Compiled once per JVM, on first use.
 */
public final class CdaSchema {
  private static final String FILE = "/dmp/schemas/cda/CDA_extended.xsd";

  private CdaSchema() {}

  private static final class Holder {
    static final Schema SCHEMA = compile();
  }

  /**
   * The schema errors of {@code xml}, each as {@code line N: <rule>} (the rule code of the
   * validator, never the values its message quotes); empty when valid.
   */
  public static List<String> errors(byte[] xml) {
    List<String> errors = new ArrayList<>();
    Validator validator = Holder.SCHEMA.newValidator();
    validator.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        errors.add("line " + e.getLineNumber() + ": " + rule(e.getMessage()));
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    });
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      if (errors.isEmpty()) {
        errors.add("not well-formed XML");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errors;
  }

  private static String rule(String message) {
    int colon = message == null ? -1 : message.indexOf(':');
    return message != null && message.startsWith("cvc-") && colon > 0 ? message.substring(0, colon) : "XML error";
  }

  private static Schema compile() {
    URL url = CdaSchema.class.getResource(FILE);
    if (url == null) {
      throw new IllegalStateException("CDA_extended.xsd is not on the class path");
    }
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      // Includes are relative files of the shipped set (file: or jar: URLs), never the network.
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file,jar:file");
      return factory.newSchema(url);
    } catch (SAXException e) {
      throw new IllegalStateException("cannot compile CDA_extended.xsd: " + e.getMessage(), e);
    }
  }
}
