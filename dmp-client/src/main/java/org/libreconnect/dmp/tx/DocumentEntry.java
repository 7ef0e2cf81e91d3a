package org.libreconnect.dmp.tx;

import java.util.ArrayList;
import java.util.List;
import org.libreconnect.protocol.command.DmpCommands.DocumentAuthor;
import org.libreconnect.protocol.command.DmpCommands.EventCode;
import org.libreconnect.protocol.command.DmpCommands.FoundDocument;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;

/** One document entry ({@code ExtrinsicObject}) of a registry answer, and its JS2 form. */
record DocumentEntry(Element object) {

  String uuid() {
    return object.getAttribute("id");
  }

  String lid() {
    String lid = object.getAttribute("lid");
    return lid.isEmpty() ? uuid() : lid;
  }

  String uniqueId() {
    return Xds.externalId(object, Xds.DOC_UNIQUE_ID);
  }

  String statusUrn() {
    return object.getAttribute("status");
  }

  String formatCode() {
    return Xds.code(object, Xds.FORMAT_CODE);
  }

  /** Whether this entry is the XAdES signature of a submission set, not a document for people. */
  boolean isSignature() {
    return "http://www.w3.org/2000/09/xmldsig#".equals(formatCode());
  }

  /** JS2 DocumentStatus: 1 approved, 2 deprecated, 4 archived. */
  int status() {
    String status = statusUrn();
    if (status.equals(Xds.ARCHIVED)) {
      return 4;
    }
    return status.equals(Xds.DEPRECATED) ? 2 : 1;
  }

  /** JS2 DocumentVisibility bits from the confidentiality codes. */
  int visibility() {
    int bits = 0;
    for (Element c : Xds.classifications(object, Xds.CONFIDENTIALITY)) {
      bits |= switch (c.getAttribute("nodeRepresentation")) {
        case Xds.INVISIBLE_PATIENT -> 2;
        case Xds.MASQUE_PS -> 4;
        case Xds.INVISIBLE_GUARDIAN -> 8;
        default -> 0;
      };
    }
    return bits == 0 ? 1 : bits;
  }

  /** JS2 DocumentFormat from the XDS format code and MIME type. */
  int format() {
    return DocumentFormats.ofFormatCode(formatCode(), object.getAttribute("mimeType"));
  }

  /** The JS2 form; {@code submissionTime} comes from the entry's submission set. */
  FoundDocument toJs2(int handle, boolean withMetadata, String submissionTime) {
    List<DocumentAuthor> authors = new ArrayList<>();
    int authorHandle = handle * 100;
    for (Element author : Xds.classifications(object, Xds.AUTHOR)) {
      String[] person = Xds.slotValue(author, "authorPerson").split("\\^", -1);
      String specialty = Xds.slotValue(author, "authorSpecialty").split("\\^", -1)[0];
      String profession = "";
      String speciality = specialty;
      if (specialty.startsWith("G15_") && specialty.contains("/")) {
        profession = specialty.substring(4, specialty.indexOf('/'));
        speciality = specialty.substring(specialty.indexOf('/') + 1);
      }
      authors.add(new DocumentAuthor(++authorHandle, 0, at(person, 2), at(person, 0), at(person, 1), profession,
          profession.isEmpty() ? "" : "1.2.250.1.71.1.2.7", "", speciality, ""));
    }
    List<EventCode> events = Xds.classifications(object, Xds.EVENT_CODE).stream()
        .map(c -> new EventCode(Xds.slotValue(c, "codingScheme"), c.getAttribute("nodeRepresentation"),
            Xds.name(c, "Name"))).toList();
    return new FoundDocument(authors, events, format(), status(), visibility(), handle,
        Xds.code(object, Xds.CLASS_CODE), Xds.slotValue(object, "creationTime"), Xds.name(object, "Description"),
        Xds.code(object, Xds.FACILITY_TYPE), withMetadata ? "" : null, Xds.code(object, Xds.PRACTICE_SETTING),
        withMetadata ? "" : null, Xds.slotValue(object, "serviceStartTime"), Xds.slotValue(object, "serviceStopTime"),
        withMetadata ? submissionTime : null, Xds.name(object, "Name"),
        Xds.code(object, Xds.TYPE_CODE), uniqueId(), uuid());
  }

  private static String at(String[] parts, int index) {
    return index < parts.length ? parts[index] : "";
  }

  static List<DocumentEntry> all(Element response) {
    return Xml.descendants(response, "ExtrinsicObject").stream().map(DocumentEntry::new).toList();
  }

  @Override
  public String toString() {
    return "DocumentEntry[" + uuid() + "]";
  }
}
