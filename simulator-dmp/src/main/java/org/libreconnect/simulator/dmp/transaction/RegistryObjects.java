package org.libreconnect.simulator.dmp.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.store.Code;
import org.w3c.dom.Element;

/** Reads ebRIM 3.0 registry objects: slots, classifications, external identifiers, names. */
final class RegistryObjects {
  private RegistryObjects() {}

  /** The values of the slot {@code name} of {@code object}. */
  static List<String> slot(Element object, String name) {
    List<String> values = new ArrayList<>();
    for (Element slot : Xml.children(object, Namespaces.RIM, "Slot")) {
      if (name.equals(slot.getAttribute("name"))) {
        for (Element list : Xml.children(slot, Namespaces.RIM, "ValueList")) {
          for (Element value : Xml.children(list, Namespaces.RIM, "Value")) {
            values.add(Xml.text(value));
          }
        }
      }
    }
    return values;
  }

  /** The first value of the slot {@code name}. */
  static Optional<String> slotValue(Element object, String name) {
    return slot(object, name).stream().findFirst();
  }

  /** The classifications of {@code object} in {@code scheme}. */
  static List<Element> classifications(Element object, String scheme) {
    return Xml.children(object, Namespaces.RIM, "Classification").stream()
        .filter(classification -> scheme.equals(classification.getAttribute("classificationScheme")))
        .toList();
  }

  /** The codes of {@code object}'s classifications in {@code scheme}. */
  static List<Code> codes(Element object, String scheme) {
    List<Code> codes = new ArrayList<>();
    for (Element classification : classifications(object, scheme)) {
      String code = classification.getAttribute("nodeRepresentation");
      if (!code.isBlank()) {
        codes.add(new Code(code, slotValue(classification, "codingScheme").orElse(""),
            name(classification).orElse("")));
      }
    }
    return codes;
  }

  /** The value of {@code object}'s external identifier in {@code scheme}. */
  static Optional<String> externalIdentifier(Element object, String scheme) {
    return Xml.children(object, Namespaces.RIM, "ExternalIdentifier").stream()
        .filter(identifier -> scheme.equals(identifier.getAttribute("identificationScheme")))
        .map(identifier -> identifier.getAttribute("value").trim())
        .findFirst();
  }

  /** The first LocalizedString value of {@code object}'s {@code Name}. */
  static Optional<String> name(Element object) {
    return localized(object, "Name");
  }

  /** The first LocalizedString value of {@code object}'s {@code Description}. */
  static Optional<String> description(Element object) {
    return localized(object, "Description");
  }

  private static Optional<String> localized(Element object, String element) {
    return Xml.child(object, Namespaces.RIM, element)
        .flatMap(holder -> Xml.child(holder, Namespaces.RIM, "LocalizedString"))
        .flatMap(string -> Xml.attribute(string, "value"));
  }
}
