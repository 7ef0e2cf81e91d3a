package org.libreconnect.simulator.dmp.vihf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/** Read access to the SAML 2.0 assertion in a request's {@code wsse:Security} header. */
final class SamlAssertion {
  private final Element assertion;

  private SamlAssertion(Element assertion) {
    this.assertion = assertion;
  }

  /** The one assertion of {@code soapHeader}'s {@code wsse:Security}; refused otherwise. */
  static SamlAssertion in(Element soapHeader) {
    List<Element> assertions = new ArrayList<>();
    if (soapHeader != null) {
      for (Element security : Xml.children(soapHeader, Namespaces.WSSE, "Security")) {
        assertions.addAll(Xml.children(security, Namespaces.SAML2, "Assertion"));
      }
    }
    if (assertions.size() != 1) {
      throw new DmpException(DmpError.VIHF_INVALID, assertions.isEmpty()
          ? "VIHF absent : l'en-tête wsse:Security doit contenir une assertion SAML 2.0"
          : "VIHF invalide : l'en-tête wsse:Security contient plusieurs assertions");
    }
    return new SamlAssertion(assertions.get(0));
  }

  Element element() {
    return assertion;
  }

  /** An attribute of the Assertion element itself, such as "IssueInstant". */
  Optional<String> own(String name) {
    return Xml.attribute(assertion, name);
  }

  Optional<String> issuer() {
    return Xml.childText(assertion, Namespaces.SAML2, "Issuer");
  }

  Optional<String> nameId() {
    return Xml.child(assertion, Namespaces.SAML2, "Subject")
        .flatMap(subject -> Xml.childText(subject, Namespaces.SAML2, "NameID"));
  }

  Optional<Element> conditions() {
    return Xml.child(assertion, Namespaces.SAML2, "Conditions");
  }

  Optional<Element> signature() {
    return Xml.child(assertion, Namespaces.DSIG, "Signature");
  }

  /** The AttributeValue elements of the attribute named {@code name}, case-insensitively. */
  List<Element> values(String name) {
    List<Element> values = new ArrayList<>();
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Element statement : Xml.children(assertion, Namespaces.SAML2, "AttributeStatement")) {
      for (Element attribute : Xml.children(statement, Namespaces.SAML2, "Attribute")) {
        if (attribute.getAttribute("Name").trim().toLowerCase(Locale.ROOT).equals(wanted)) {
          values.addAll(Xml.children(attribute, Namespaces.SAML2, "AttributeValue"));
        }
      }
    }
    return values;
  }

  /** The text of the first value of the attribute {@code name}, when not blank. */
  Optional<String> text(String name) {
    return values(name).stream().map(Xml::text).filter(text -> !text.isEmpty()).findFirst();
  }

  /** Whether the attribute {@code name} has at least one value (text or element). */
  boolean has(String name) {
    return values(name).stream()
        .anyMatch(value -> !Xml.text(value).isEmpty() || !Xml.children(value).isEmpty());
  }
}
