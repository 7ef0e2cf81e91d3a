package org.libreconnect.simulator.dmp.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official DMP interface schemas, shipped unchanged under {@code /dmp/schemas/} (provenance in
 * its README), compiled on first use. Compiled {@link Schema}s are immutable and thread-safe, and
 * compiling the HL7v3 and CDA sets takes seconds, so every simulator of a JVM shares them.
 */
public final class OfficialSchemas {
  /** The HL7v3 NE2009 message PRPA_IN201307UV02 (TD0.2, TD1.3a). */
  public static final String HL7_PATIENT_QUERY =
      "hl7v3-ne2009/multicacheschemas/PRPA_IN201307UV02.xsd";

  /** The HL7v3 NE2009 message PRPA_IN201311UV02 (TD1.1, patient add). */
  public static final String HL7_PATIENT_ADD = "hl7v3-ne2009/multicacheschemas/PRPA_IN201311UV02.xsd";

  /** The HL7v3 NE2009 message PRPA_IN201314UV02 (TD1.2, TD1.3b, TD1.4, patient revise). */
  public static final String HL7_PATIENT_REVISE = "hl7v3-ne2009/multicacheschemas/PRPA_IN201314UV02.xsd";

  /**
   * The HL7v3 NE2009 message PRPA_IN201305UV02 (TD0.5, PDQ patient query), with the NE2008
   * PRPA_MT201306UV02 the NE2009 set lacks (provenance in the schemas' README).
   */
  public static final String HL7_PATIENT_FIND = "hl7v3-ne2009/multicacheschemas/PRPA_IN201305UV02.xsd";

  /** The HL7v3 NE2009 message PRPA_IN201306UV02 (TD0.5 answer), with NE2008 PRPA_MT201310UV02. */
  public static final String HL7_PATIENT_FOUND = "hl7v3-ne2009/multicacheschemas/PRPA_IN201306UV02.xsd";

  /** The inline schema of the Habilitations WSDL (TD0.3, TD1.6). */
  public static final String HABILITATIONS = "wsdl-inline/Habilitations.xsd";

  /** The inline schema of the PatientsSpecific WSDL (TD0.4). */
  public static final String PATIENTS_SPECIFIC = "wsdl-inline/PatientsSpecific.xsd";

  /** IHE XDS.b repository messages (TD2.1, TD3.2). */
  public static final String XDS_REPOSITORY = "ihe/XDS.b_DocumentRepository.xsd";

  /** ebRS 3.0 queries (TD3.1). */
  public static final String EBRS_QUERY = "ebRS/query.xsd";

  /** ebRS 3.0 life-cycle management (TD3.3). */
  public static final String EBRS_LCM = "ebRS/lcm.xsd";

  /** CDA R2 with the French extensions (the document of TD2.1). */
  public static final String CDA = "cda/CDA_extended.xsd";

  private static final String ROOT = "/dmp/schemas/";
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

  private OfficialSchemas() {}

  /**
   * Compiles every schema now (about two seconds on a cold JVM) so that the first request of each
   * kind is answered as fast as the following ones: clients with short timeouts rely on it.
   */
  public static void preload() {
    for (String file : List.of(HL7_PATIENT_QUERY, HL7_PATIENT_ADD, HL7_PATIENT_REVISE, HL7_PATIENT_FIND,
        HABILITATIONS, PATIENTS_SPECIFIC, XDS_REPOSITORY,
        EBRS_QUERY, EBRS_LCM, CDA)) {
      schema(file);
    }
  }

  /** The compiled schema of {@code file}, one of the constants of this class. */
  public static Schema schema(String file) {
    return COMPILED.computeIfAbsent(file, OfficialSchemas::compile);
  }

  /**
   * The validation errors of {@code node} (a document or an element carrying every namespace
   * declaration it uses) against {@code file}, each as "line:column message"; empty when valid.
   */
  public static List<String> errors(String file, Node node) {
    return errors(file, new DOMSource(node));
  }

  /** The validation errors of {@code source} against {@code file}; empty when valid. */
  public static List<String> errors(String file, Source source) {
    List<String> errors = new ArrayList<>();
    Validator validator = schema(file).newValidator();
    validator.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    });
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.validate(source);
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
    URL url = OfficialSchemas.class.getResource(ROOT + file);
    if (url == null) {
      throw new IllegalStateException("official schema " + file + " is not on the class path");
    }
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      // Imports are relative files of the same shipped set (file: or jar: URLs), never the network.
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file,jar:file");
      return factory.newSchema(new StreamSource(url.openStream(), url.toExternalForm()));
    } catch (SAXException e) {
      throw new IllegalStateException("official schema " + file + " does not compile: "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
