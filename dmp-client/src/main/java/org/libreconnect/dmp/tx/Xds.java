package org.libreconnect.dmp.tx;

import java.util.List;
import java.util.UUID;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;

/** ebRIM building blocks and the XDS.b / DMP identifiers (dmp.md §2.6, §2.8, Appendix A). */
final class Xds {
  static final String REPOSITORY = "1.2.250.1.213.4.1.1.1.2";
  static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
  static final String DEPRECATED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated";
  static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";
  static final String DELETED = "urn:asip:ci-sis:2010:StatusType:Deleted";
  static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";

  static final String DOCUMENT_ENTRY = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
  static final String AUTHOR = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
  static final String CLASS_CODE = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
  static final String CONFIDENTIALITY = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
  static final String EVENT_CODE = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";
  static final String FORMAT_CODE = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
  static final String FACILITY_TYPE = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
  static final String PRACTICE_SETTING = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
  static final String TYPE_CODE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
  static final String DOC_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
  static final String DOC_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
  static final String SS_AUTHOR = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
  static final String SS_CONTENT_TYPE = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
  static final String SS_NODE = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
  static final String SS_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
  static final String SS_SOURCE_ID = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
  static final String SS_UNIQUE_ID = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";

  static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
  static final String GET_DOCUMENTS = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";
  static final String GET_SUBMISSION_SETS = "urn:uuid:51224314-5390-4169-9b91-b1980040715a";

  static final String MASQUE_PS = "MASQUE_PS";
  static final String INVISIBLE_PATIENT = "INVISIBLE_PATIENT";
  static final String INVISIBLE_GUARDIAN = "INVISIBLE_REPRESENTANTS_LEGAUX";
  static final String DMP_CONFIDENTIALITY_SYSTEM = "1.2.250.1.213.1.1.4.13";

  private Xds() {}

  /** A fresh OID in the UUID arc {@code 2.25}. */
  static String newOid() {
    return org.libreconnect.dmp.Oids.random();
  }

  static Element slot(Element parent, String name, String... values) {
    Element slot = Xml.attrs(Xml.add(parent, Ns.RIM, "rim:Slot"), "name", name);
    Element list = Xml.add(slot, Ns.RIM, "rim:ValueList");
    for (String value : values) {
      Xml.add(list, Ns.RIM, "rim:Value", value);
    }
    return slot;
  }

  static void localized(Element parent, String element, String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    Element holder = Xml.add(parent, Ns.RIM, "rim:" + element);
    Xml.attrs(Xml.add(holder, Ns.RIM, "rim:LocalizedString"), "charset", "UTF8", "xml:lang", null, "value", text);
  }

  static Element classification(Element object, String scheme, String code, String system, String label) {
    Element c = Xml.attrs(Xml.add(object, Ns.RIM, "rim:Classification"), "classificationScheme", scheme,
        "classifiedObject", object.getAttribute("id"), "id", "urn:uuid:" + UUID.randomUUID(),
        "objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Classification",
        "nodeRepresentation", code);
    slot(c, "codingScheme", system);
    localized(c, "Name", label);
    return c;
  }

  static void externalId(Element object, String scheme, String value, String name) {
    Element e = Xml.attrs(Xml.add(object, Ns.RIM, "rim:ExternalIdentifier"), "id", "urn:uuid:" + UUID.randomUUID(),
        "identificationScheme", scheme, "registryObject", object.getAttribute("id"),
        "objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:ExternalIdentifier",
        "value", value);
    localized(e, "Name", name);
  }

  /** The values of slot {@code name} of {@code object}. */
  static List<String> slotValues(Element object, String name) {
    for (Element slot : Xml.children(object, "Slot")) {
      if (name.equals(slot.getAttribute("name"))) {
        return Xml.path(slot, "ValueList").map(list -> Xml.children(list, "Value").stream()
            .map(v -> v.getTextContent().strip()).toList()).orElse(List.of());
      }
    }
    return List.of();
  }

  static String slotValue(Element object, String name) {
    List<String> values = slotValues(object, name);
    return values.isEmpty() ? "" : values.get(0);
  }

  static List<Element> classifications(Element object, String scheme) {
    return Xml.children(object, "Classification").stream()
        .filter(c -> scheme.equals(c.getAttribute("classificationScheme"))).toList();
  }

  static String code(Element object, String scheme) {
    List<Element> found = classifications(object, scheme);
    return found.isEmpty() ? "" : found.get(0).getAttribute("nodeRepresentation");
  }

  static String externalId(Element object, String scheme) {
    return Xml.children(object, "ExternalIdentifier").stream()
        .filter(e -> scheme.equals(e.getAttribute("identificationScheme")))
        .map(e -> e.getAttribute("value")).findFirst().orElse("");
  }

  static String name(Element object, String element) {
    return Xml.attr(object, "value", element, "LocalizedString");
  }
}
