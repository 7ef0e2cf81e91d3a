package org.libreconnect.simulator.dmp.transaction;

import java.util.Base64;
import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.Attachment;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.DmpRequest;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/** The bytes of an XDS {@code Document}: an MTOM part through {@code xop:Include}, or base64. */
final class DocumentContent {
  private DocumentContent() {}

  static byte[] of(Element document, DmpRequest request) {
    Optional<Element> include = Xml.child(document, Namespaces.XOP, "Include");
    if (include.isPresent()) {
      return request.attachment(include.get().getAttribute("href"))
          .map(Attachment::content)
          .orElseThrow(() -> new DmpException(DmpError.XDS_MISSING_DOCUMENT,
              "Partie MIME introuvable pour le document " + document.getAttribute("id")));
    }
    try {
      return Base64.getMimeDecoder().decode(Xml.text(document));
    } catch (IllegalArgumentException e) {
      throw new DmpException(DmpError.XDS_MISSING_DOCUMENT,
          "Le contenu du document " + document.getAttribute("id") + " n'est pas du base64");
    }
  }
}
