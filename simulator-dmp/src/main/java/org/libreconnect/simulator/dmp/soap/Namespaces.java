package org.libreconnect.simulator.dmp.soap;

/** XML namespaces of the DMP messages (dmp.md §1.3, §2). */
public final class Namespaces {
  public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  public static final String WSA = "http://www.w3.org/2005/08/addressing";
  public static final String WSA_ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous";
  public static final String WSSE =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  public static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
  public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
  public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  public static final String XML = "http://www.w3.org/XML/1998/namespace";
  public static final String XMLNS = "http://www.w3.org/2000/xmlns/";
  public static final String HL7 = "urn:hl7-org:v3";
  public static final String PATIENTS = "urn:si-dmp-patients";
  public static final String HABILITATIONS = "urn:si-dmp-habilitations";
  public static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
  public static final String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
  public static final String QUERY = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";
  public static final String LCM = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
  public static final String XDSB = "urn:ihe:iti:xds-b:2007";
  public static final String XOP = "http://www.w3.org/2004/08/xop/include";

  private Namespaces() {}
}
