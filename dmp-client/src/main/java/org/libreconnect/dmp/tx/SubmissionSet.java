package org.libreconnect.dmp.tx;

import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.DmpPracticeLocation;
import org.libreconnect.dmp.codes.ContentTypes;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;

/** The submission set ({@code RegistryPackage}) of ITI-41 and ITI-57 requests (dmp.md §2.8). */
final class SubmissionSet {
  static final String ID = "SubmissionSet01";

  private SubmissionSet() {}

  /** Appends the submission set to {@code list}; returns it. Its uniqueId is {@code uniqueId}. */
  static Element add(Element list, DmpConnector connector, String ins, String uniqueId, String title,
      String description) {
    Element set = Xml.attrs(Xml.add(list, Ns.RIM, "rim:RegistryPackage"), "id", ID,
        "objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage");
    Xds.slot(set, "submissionTime", DmpTime.hl7(connector.clock().instant()));
    Xds.localized(set, "Name", title);
    Xds.localized(set, "Description", description);
    author(set, Xds.SS_AUTHOR, connector);
    ContentTypes.ContentType contentType = ContentTypes.forPracticeSetting(connector.practiceSetting());
    Xds.classification(set, Xds.SS_CONTENT_TYPE, contentType.code(), ContentTypes.SYSTEM, contentType.label());
    Xds.externalId(set, Xds.SS_PATIENT_ID, connector.patientCx(ins), "XDSSubmissionSet.patientId");
    Xds.externalId(set, Xds.SS_SOURCE_ID, connector.software().senderOid(), "XDSSubmissionSet.sourceId");
    Xds.externalId(set, Xds.SS_UNIQUE_ID, uniqueId, "XDSSubmissionSet.uniqueId");
    Xml.attrs(Xml.add(list, Ns.RIM, "rim:Classification"), "classificationNode", Xds.SS_NODE,
        "classifiedObject", ID, "id", "urn:uuid:" + java.util.UUID.randomUUID(),
        "objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Classification");
    return set;
  }

  /** The author classification: the card holder, their specialty and their structure. */
  /** The card holder as an XCN: RPPS/ADELI national id, name, given name, assigning authority. */
  static String person(DmpHolder holder) {
    return holder.psIdNat() + "^" + holder.name() + "^" + holder.given()
        + "^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
  }

  static void author(Element object, String scheme, DmpConnector connector) {
    author(object, scheme, connector.holder(), connector.location());
  }

  /** An author classification: {@code holder} at {@code location}. */
  static void author(Element object, String scheme, DmpHolder holder, DmpPracticeLocation location) {
    Element author = Xml.attrs(Xml.add(object, Ns.RIM, "rim:Classification"), "classificationScheme", scheme,
        "classifiedObject", object.getAttribute("id"), "id", "urn:uuid:" + java.util.UUID.randomUUID(),
        "objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Classification",
        "nodeRepresentation", "");
    Xds.slot(author, "authorInstitution",
        location.name() + "^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^" + location.structureId());
    Xds.slot(author, "authorPerson", person(holder));
    String specialty = "G15_" + holder.professionCode()
        + (holder.specialtyCode().isEmpty() ? "" : "/" + holder.specialtyCode());
    Xds.slot(author, "authorSpecialty", specialty + "^" + holder.professionLabel()
        + (holder.specialtyLabel().isEmpty() ? "" : " - " + holder.specialtyLabel()) + "^1.2.250.1.213.1.1.4.5");
  }

  /** An association of {@code type} from {@code source} to {@code target}. */
  static Element association(Element list, String type, String source, String target) {
    return Xml.attrs(Xml.add(list, Ns.RIM, "rim:Association"), "associationType", type,
        "id", "urn:uuid:" + java.util.UUID.randomUUID(), "sourceObject", source, "targetObject", target,
        "objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association");
  }
}
