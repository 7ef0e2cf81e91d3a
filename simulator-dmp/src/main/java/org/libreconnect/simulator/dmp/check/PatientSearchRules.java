package org.libreconnect.simulator.dmp.check;

import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/**
 * What the PDQ service requires of TD0.5 ({@code PRPA_IN201305UV02}) beyond its schema: the
 * interaction id, and a family name of at least two characters in {@code livingSubjectName}, the
 * one mandatory criterion of a search without INS (the official example searches on it alone).
 */
final class PatientSearchRules {
  private static final String HL7_INTERACTIONS = "2.16.840.1.113883.1.6";

  private PatientSearchRules() {}

  static void check(Element body) {
    Element interaction = Xml.child(body, Namespaces.HL7, "interactionId").orElseThrow();
    if (!HL7_INTERACTIONS.equals(interaction.getAttribute("root"))
        || !body.getLocalName().equals(interaction.getAttribute("extension"))) {
      throw invalid("interactionId doit être " + body.getLocalName() + "@" + HL7_INTERACTIONS);
    }
    String family = Xml.descendant(body, Namespaces.HL7, "parameterList")
        .flatMap(list -> Xml.child(list, Namespaces.HL7, "livingSubjectName"))
        .flatMap(name -> Xml.child(name, Namespaces.HL7, "value"))
        .flatMap(value -> Xml.childText(value, Namespaces.HL7, "family"))
        .orElse("").strip();
    if (family.length() < 2) {
      throw invalid("le nom de naissance (livingSubjectName/value/family) est obligatoire,"
          + " deux caractères au moins");
    }
  }

  private static DmpException invalid(String detail) {
    return new DmpException(DmpError.INVALID_MESSAGE, "Message invalide : " + detail);
  }
}
