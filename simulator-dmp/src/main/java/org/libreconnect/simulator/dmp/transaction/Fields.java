package org.libreconnect.simulator.dmp.transaction;

import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/**
 * Reads the simple fields of the si-dmp services' requests, whose children may be qualified or
 * not (clients differ): a child matches on its local name in the parent's namespace or none.
 */
final class Fields {
  private Fields() {}

  static Optional<String> text(Element parent, String local) {
    for (Element child : Xml.children(parent)) {
      String namespace = child.getNamespaceURI();
      if (local.equals(child.getLocalName())
          && (namespace == null || namespace.equals(parent.getNamespaceURI()))) {
        String text = Xml.text(child);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
      }
    }
    return Optional.empty();
  }

  static String required(Element parent, String local) {
    return text(parent, local).orElseThrow(() -> new DmpException(DmpError.INVALID_MESSAGE,
        "Message invalide : élément " + local + " absent de " + parent.getLocalName()));
  }
}
