package org.libreconnect.dmp.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.libreconnect.dmp.cda.CdaWrapper;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * The {@code Informants} of hl_sendDocument (protocol.md §2.8): people the document names as
 * informants, emergency contacts or trusted contacts. Each becomes a CDA header {@code
 * informant/relatedEntity} with a {@code relatedPerson} (the CI-SIS "structuration minimale"
 * CI-SISInformant template); the XDS metadata has no field for them.
 */
final class Informants {
  private Informants() {}

  static List<CdaWrapper.Informant> of(JsonNode node) {
    List<CdaWrapper.Informant> informants = new ArrayList<>();
    if (node == null || !node.isContainerNode()) {
      return informants;
    }
    node.elements().forEachRemaining(item -> informants.add(one(item)));
    return informants;
  }

  private static CdaWrapper.Informant one(JsonNode item) {
    String name = item.path("s_name").asText("").strip();
    String given = item.path("s_given").asText("").strip();
    if (!item.isObject() || name.isEmpty()) {
      throw new InvalidParameterException("Informants", "each informant needs s_name");
    }
    int type = item.path("i_type").asInt(1);
    if (type < 1 || type > 4) {
      throw new InvalidParameterException("Informants", "i_type must be 1 (informant), 2 (emergency contact),"
          + " 3 (trusted contact) or 4 (unknown)");
    }
    List<CdaWrapper.Address> addresses = new ArrayList<>();
    item.path("Addresses").elements().forEachRemaining(a -> addresses.add(new CdaWrapper.Address(
        text(a, "s_houseNumber"), text(a, "s_streetName"), text(a, "s_additionalLocator"), text(a, "s_postBox"),
        text(a, "s_postalCode"), text(a, "s_city"), text(a, "s_state"), text(a, "s_country"))));
    List<String> telecoms = new ArrayList<>();
    item.path("Telecoms").elements().forEachRemaining(t -> {
      String value = text(t, "s_value");
      if (!value.isEmpty()) {
        telecoms.add(value.contains("@") ? "mailto:" + value : "tel:" + value.replace(" ", ""));
      }
    });
    return new CdaWrapper.Informant(roleClass(type), name, given, addresses, telecoms);
  }

  /**
   * The HL7 RoleClass of {@code relatedEntity} for a JS2 informant type: emergency contact {@code
   * ECON}, trusted contact ("personne de confiance") {@code NOK}, otherwise a personal
   * relationship {@code PRS}.
   */
  static String roleClass(int type) {
    return switch (type) {
      case 2 -> "ECON";
      case 3 -> "NOK";
      default -> "PRS";
    };
  }

  private static String text(JsonNode node, String key) {
    return node.path(key).asText("").strip();
  }
}
