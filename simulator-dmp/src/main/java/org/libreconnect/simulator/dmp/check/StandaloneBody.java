package org.libreconnect.simulator.dmp.check;

import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A copy of a SOAP body's root as a document of its own, fit for schema validation: the namespace
 * declarations it inherits from the envelope are declared on it (prefixes used in QName values
 * such as {@code xsi:type} keep their meaning), and each MTOM {@code xop:Include} is replaced by
 * the empty base64 text the schema expects in its place (the bytes travel as a MIME part).
 * Empty {@code xsi:nil="true"} elements are left out, as absent: the official TD1.3a example
 * carries several (without their required structural attributes, some out of order) and the
 * DMP answers it. A {@code Classification} or {@code ExternalIdentifier} nested in the object it
 * describes and not naming it gets that object's id, as in the official TD3.3 examples.
 */
final class StandaloneBody {
  private StandaloneBody() {}

  static Document of(Element body) {
    Document copy = Xml.newDocument();
    Element root = (Element) copy.importNode(body, true);
    copy.appendChild(root);
    for (Node node = body.getParentNode(); node instanceof Element ancestor;
        node = ancestor.getParentNode()) {
      NamedNodeMap attributes = ancestor.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        if (Namespaces.XMLNS.equals(attribute.getNamespaceURI())
            && !root.hasAttribute(attribute.getName())) {
          root.setAttributeNS(Namespaces.XMLNS, attribute.getName(), attribute.getValue());
        }
      }
    }
    for (Element include : Xml.descendants(root, Namespaces.XOP, "Include")) {
      include.getParentNode().removeChild(include);
    }
    implyOwner(root, "Classification", "classifiedObject");
    implyOwner(root, "ExternalIdentifier", "registryObject");
    for (Element element : Xml.descendants(root, "*", "*")) {
      if ("true".equals(element.getAttributeNS(Namespaces.XSI, "nil"))
          && !element.hasChildNodes() && element.getParentNode() != null) {
        element.getParentNode().removeChild(element);
      }
    }
    return copy;
  }

  /** Gives each nested {@code local} without {@code attribute} its enclosing object's id. */
  private static void implyOwner(Element root, String local, String attribute) {
    for (Element element : Xml.descendants(root, Namespaces.RIM, local)) {
      if (!element.hasAttribute(attribute) && element.getParentNode() instanceof Element owner
          && owner.hasAttribute("id")) {
        element.setAttribute(attribute, owner.getAttribute("id"));
      }
    }
  }
}
