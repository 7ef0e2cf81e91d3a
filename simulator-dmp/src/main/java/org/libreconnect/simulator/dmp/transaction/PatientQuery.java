package org.libreconnect.simulator.dmp.transaction;

import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.store.Ins;
import org.libreconnect.simulator.dmp.vihf.Vihf;
import org.w3c.dom.Element;

/** The patient a PRPA_IN201307UV02 query asks about, checked against the VIHF's resource-id. */
final class PatientQuery {
  private PatientQuery() {}

  /** The INS of {@code parameterList/patientIdentifier/value}, which must be the VIHF's. */
  static Ins patientOf(Element request, Vihf vihf) {
    Element value = Xml.descendant(request, Namespaces.HL7, "patientIdentifier")
        .flatMap(identifier -> Xml.child(identifier, Namespaces.HL7, "value"))
        .orElseThrow(() -> new DmpException(DmpError.INVALID_MESSAGE,
            "Message invalide : parameterList/patientIdentifier/value absent"));
    Ins ins;
    try {
      ins = new Ins(value.getAttribute("extension").trim(), value.getAttribute("root").trim());
    } catch (IllegalArgumentException e) {
      throw new DmpException(DmpError.INVALID_MESSAGE,
          "Message invalide : patientIdentifier n'est pas un INS (root, extension)");
    }
    if (!ins.equals(vihf.requiredPatient())) {
      throw new DmpException(DmpError.VIHF_INVALID,
          "VIHF invalide : resource-id ne désigne pas le patient de la requête");
    }
    return ins;
  }
}
