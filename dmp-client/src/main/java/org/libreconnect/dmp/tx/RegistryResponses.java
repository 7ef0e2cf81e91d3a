package org.libreconnect.dmp.tx;

import java.util.List;
import org.libreconnect.dmp.errors.DmpRefusedException;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;

/** Reads an XDS status: anything but Success becomes a refusal with the first registry error. */
final class RegistryResponses {
  private RegistryResponses() {}

  /** Checks {@code response} (a RegistryResponse, AdhocQueryResponse or RetrieveDocumentSetResponse). */
  static void check(Element response) {
    Element status = "RetrieveDocumentSetResponse".equals(Xml.localName(response))
        ? Xml.child(response, "RegistryResponse").orElse(response) : response;
    String value = status.getAttribute("status");
    if (value.endsWith(":Success")) {
      return;
    }
    List<Element> errors = Xml.descendants(status, "RegistryError");
    if (errors.isEmpty()) {
      throw new DmpRefusedException(DmpRefusedException.Source.XDS_REGISTRY, value, "");
    }
    Element error = errors.get(0);
    String text = error.getAttribute("codeContext");
    if (text.isEmpty()) {
      text = error.getTextContent().strip();
    }
    throw new DmpRefusedException(DmpRefusedException.Source.XDS_REGISTRY, error.getAttribute("errorCode"), text);
  }
}
