package org.libreconnect.dmp.vihf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the VIHF: a SAML 2.0 assertion (dmp.md §1.4). In direct CPS mode it is unsigned as in
 * every official direct-mode example (§1.5): the user is authenticated by the TLS client
 * certificate. In indirect mode it names the user ({@code subject-id}) and how the establishment
 * authenticated them; {@link VihfSigner} then signs it with the establishment's key.
 */
public final class VihfBuilder {
  /** The VIHF version every official example and public implementation sends. */
  public static final String VERSION = "3.0";

  private static final DateTimeFormatter SAML_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String PROFESSION_SYSTEM = "1.2.250.1.71.1.2.7";
  private static final String SPECIALTY_SYSTEM = "1.2.250.1.71.4.2.5";
  private static final String SECTOR_SYSTEM = "1.2.250.1.71.4.2.4";
  private static final String PURPOSE_SYSTEM = "1.2.250.1.213.1.1.4.248";

  /** The assertion as a new element of {@code document} (not attached). */
  public Element build(Document document, VihfContext context) {
    Element assertion = document.createElementNS(Ns.SAML2, "saml2:Assertion");
    assertion.setAttributeNS(Ns.XMLNS, "xmlns:xsi", Ns.XSI);
    assertion.setAttributeNS(Ns.XMLNS, "xmlns:xs", Ns.XS);
    Xml.attrs(assertion, "ID", "_" + UUID.randomUUID(), "IssueInstant", time(context.issueInstant()),
        "Version", "2.0");
    Element issuer = Xml.add(assertion, Ns.SAML2, "saml2:Issuer", context.issuerDn());
    issuer.setAttribute("Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");
    Element subject = Xml.add(assertion, Ns.SAML2, "saml2:Subject");
    Xml.add(subject, Ns.SAML2, "saml2:NameID", context.holder().psIdNat());
    Element authn = Xml.add(assertion, Ns.SAML2, "saml2:AuthnStatement");
    authn.setAttribute("AuthnInstant", time(context.issueInstant()));
    Xml.add(Xml.add(authn, Ns.SAML2, "saml2:AuthnContext"), Ns.SAML2, "saml2:AuthnContextClassRef",
        context.indirect() == null
            ? "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"
            : context.indirect().authnContextClassRef());
    attributes(Xml.add(assertion, Ns.SAML2, "saml2:AttributeStatement"), context);
    return assertion;
  }

  private static void attributes(Element statement, VihfContext context) {
    DmpHolder holder = context.holder();
    text(statement, "VIHF_Version", VERSION);
    text(statement, "Authentification_Mode",
        context.indirect() == null ? "DIRECTE" : context.indirect().mode());
    text(statement, "Identifiant_Structure", context.location().structureId());
    text(statement, "Secteur_Activite", context.location().activitySector() + "^" + SECTOR_SYSTEM);
    Element roles = attribute(statement, "urn:oasis:names:tc:xacml:2.0:subject:role");
    code(value(roles), "Role", holder.professionCode(), PROFESSION_SYSTEM, holder.professionLabel());
    if (!holder.specialtyCode().isEmpty()) {
      code(value(roles), "Role", holder.specialtyCode(), SPECIALTY_SYSTEM,
          holder.specialtyLabel().isEmpty() ? holder.specialtyCode() : holder.specialtyLabel());
    }
    if (context.patientResourceId() != null) {
      text(statement, "urn:oasis:names:tc:xacml:2.0:resource:resource-id", context.patientResourceId());
    }
    text(statement, "Ressource_URN", "urn:dmp");
    if (context.indirect() != null) {
      text(statement, "urn:oasis:names:tc:xspa:1.0:subject:subject-id", context.indirect().subjectId());
    }
    Element purpose = code(value(attribute(statement, "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse")),
        "PurposeOfUse", context.accessMode().code(), PURPOSE_SYSTEM, context.accessMode().label());
    purpose.setAttribute("codeSystemName", "mode acces VIHF 2.0");
    if (context.secretConnection()) {
      // Value set not public (dmp.md §1.4): HL7 "R" (restricted) is our reading.
      code(value(attribute(statement,
              "urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code")),
          "ConfidentialityCode", "R", "2.16.840.1.113883.5.25", "Connexion secrète");
    }
    text(statement, "LPS_Nom", context.software().name());
    text(statement, "LPS_Version", context.software().version());
    text(statement, "LPS_ID_HOMOLOGATION_DMP", context.software().homologation());
    text(statement, "LPS_ID", context.software().instanceId());
  }

  private static Element attribute(Element statement, String name) {
    Element attribute = Xml.add(statement, Ns.SAML2, "saml2:Attribute");
    attribute.setAttribute("Name", name);
    return attribute;
  }

  private static Element value(Element attribute) {
    return Xml.add(attribute, Ns.SAML2, "saml2:AttributeValue");
  }

  private static void text(Element statement, String name, String text) {
    Element value = value(attribute(statement, name));
    value.setAttributeNS(Ns.XSI, "xsi:type", "xs:string");
    value.setTextContent(text);
  }

  private static Element code(Element parent, String name, String code, String system, String label) {
    Element element = Xml.add(parent, Ns.HL7, name);
    element.setAttributeNS(Ns.XSI, "xsi:type", "CE");
    Xml.attrs(element, "code", code, "codeSystem", system, "displayName", label);
    return element;
  }

  /** A SAML time: UTC with milliseconds and {@code Z}. */
  public static String time(Instant instant) {
    return SAML_TIME.format(instant);
  }
}
