package org.libreconnect.simulator.dmp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds VIHF assertions the way dmp.md §1.4 shows them, with one thing changed at a time. */
final class VihfBuilder {
  static final String DOCTOR = "899900063480";
  static final String STRUCTURE = "499900063480001";
  static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
  static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
  static final String PURPOSE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
  static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";

  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final String id = "_" + UUID.randomUUID();
  private Instant issueInstant;
  private String nameId = DOCTOR;
  private String samlVersion = "2.0";
  private String conditions = "";

  private VihfBuilder(Instant issueInstant) {
    this.issueInstant = issueInstant;
  }

  /** The test doctor in direct mode, normal access, for patient {@code ins} (null: none). */
  static VihfBuilder doctor(String ins, Instant now) {
    VihfBuilder vihf = new VihfBuilder(now);
    vihf.text("VIHF_Version", "3.0");
    vihf.text("Authentification_Mode", "DIRECTE");
    vihf.text("Identifiant_Structure", STRUCTURE);
    vihf.text("Secteur_Activite", "SA07^1.2.250.1.71.4.2.4");
    vihf.roles("10", "SM26");
    if (ins != null) {
      vihf.text(RESOURCE_ID, ins + "^^^&1.2.250.1.213.1.4.10&ISO^NH");
    }
    vihf.text("Ressource_URN", "urn:dmp");
    vihf.purpose("normal");
    vihf.text("LPS_Nom", "LibreConnect tests");
    vihf.text("LPS_Version", "0.1.0");
    vihf.text("LPS_ID_HOMOLOGATION_DMP", "TEST-HOMOLOGATION");
    return vihf;
  }

  VihfBuilder text(String name, String value) {
    attributes.put(name, "<saml2:AttributeValue xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
        + " xsi:type=\"xs:string\">" + value.replace("&", "&amp;") + "</saml2:AttributeValue>");
    return this;
  }

  /** The roles: profession (TRE_G15) then, when not null, specialty (TRE_R01). */
  VihfBuilder roles(String profession, String specialty) {
    String value = role(profession, "1.2.250.1.71.1.2.7");
    if (specialty != null) {
      value += role(specialty, "1.2.250.1.71.4.2.5");
    }
    attributes.put(ROLE, value);
    return this;
  }

  /** Roles outside TRE_G15, as an employee card (CPE) carries. */
  VihfBuilder employeeRole() {
    attributes.put(ROLE, role("SECRETARIAT_MEDICAL", "1.2.250.1.213.1.1.4.6"));
    return this;
  }

  VihfBuilder purpose(String code) {
    attributes.put(PURPOSE, "<saml2:AttributeValue><PurposeOfUse xmlns=\"urn:hl7-org:v3\""
        + " xsi:type=\"CE\" code=\"" + code + "\" codeSystem=\"1.2.250.1.213.1.1.4.248\""
        + " displayName=\"Accès\"/></saml2:AttributeValue>");
    return this;
  }

  VihfBuilder without(String name) {
    attributes.remove(name);
    return this;
  }

  /** Renames an attribute, keeping its value (to test case-insensitive names). */
  VihfBuilder rename(String name, String newName) {
    attributes.put(newName, attributes.remove(name));
    return this;
  }

  VihfBuilder issueInstant(Instant instant) {
    this.issueInstant = instant;
    return this;
  }

  VihfBuilder nameId(String value) {
    this.nameId = value;
    return this;
  }

  VihfBuilder samlVersion(String value) {
    this.samlVersion = value;
    return this;
  }

  VihfBuilder conditions(Instant notBefore, Instant notOnOrAfter) {
    this.conditions = "<saml2:Conditions NotBefore=\"" + notBefore + "\" NotOnOrAfter=\""
        + notOnOrAfter + "\"/>";
    return this;
  }

  String id() {
    return id;
  }

  String xml() {
    StringBuilder xml = new StringBuilder();
    xml.append("<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ID=\"").append(id)
        .append("\" IssueInstant=\"").append(issueInstant).append("\" Version=\"")
        .append(samlVersion).append("\">")
        .append("<saml2:Issuer Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:"
            + "X509SubjectName\">CN=").append(nameId).append("+SN=LIBRE+GN=MAX,title=Médecin,C=FR")
        .append("</saml2:Issuer>")
        .append("<saml2:Subject><saml2:NameID>").append(nameId)
        .append("</saml2:NameID></saml2:Subject>")
        .append(conditions)
        .append("<saml2:AuthnStatement AuthnInstant=\"").append(issueInstant)
        .append("\"><saml2:AuthnContext><saml2:AuthnContextClassRef>")
        .append("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI")
        .append("</saml2:AuthnContextClassRef></saml2:AuthnContext></saml2:AuthnStatement>")
        .append("<saml2:AttributeStatement>");
    attributes.forEach((name, value) -> xml.append("<saml2:Attribute Name=\"").append(name)
        .append("\">").append(value).append("</saml2:Attribute>"));
    return xml.append("</saml2:AttributeStatement></saml2:Assertion>").toString();
  }

  private static String role(String code, String system) {
    return "<saml2:AttributeValue><Role xmlns=\"urn:hl7-org:v3\" xsi:type=\"CE\" code=\"" + code
        + "\" codeSystem=\"" + system + "\" displayName=\"" + code + "\"/></saml2:AttributeValue>";
  }
}
