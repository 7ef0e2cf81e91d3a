package org.libreconnect.dmp.tx;

import java.util.ArrayList;
import java.util.List;
import org.libreconnect.protocol.command.DmpCommands.Authorization;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;

/**
 * The "habilitations" service: TD0.3 (the professional adds or removes their own authorisation,
 * optionally as treating physician) and TD1.6 (who is authorised or blocked). The patient is the
 * VIHF resource-id; the bodies carry no INS (dmp.md §2.3, §2.5).
 */
public final class AuthorizationTransactions {
  private AuthorizationTransactions() {}

  /** TD0.3; {@code action} 1 adds, 2 removes; returns the DMP's context text. */
  public static String update(DmpConnector connector, String ins, int action, boolean treatingPhysician) {
    String verb = switch (action) {
      case 1 -> "AJOUT";
      case 2 -> "SUPPRESSION";
      default -> throw new InvalidParameterException("i_action", "must be 1 (add) or 2 (remove)");
    };
    SoapResponse response = connector.call("TD0.3", "habilitations",
        "urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization", ins, document -> {
          Element body = document.createElementNS(Ns.HABILITATIONS, "hab:setAuthorization");
          Xml.add(body, Ns.HABILITATIONS, "hab:action", verb);
          if (treatingPhysician) {
            Xml.add(body, Ns.HABILITATIONS, "hab:role", "MEDECIN_TRAITANT");
          }
          return body;
        });
    Element output = Xml.child(response.body(), "output").orElse(response.body());
    Statuses.check(output);
    return Xml.text(output, "context");
  }

  /** TD1.6; {@code type} 1 all, 2 authorised, 3 denied. */
  public static List<Authorization> list(DmpConnector connector, String ins, int type) {
    String mode = switch (type) {
      case 1 -> "TOUTE";
      case 2 -> "ACTIVE";
      case 3 -> "INTERDITE";
      default -> throw new InvalidParameterException("i_authorizationType", "must be 1, 2 or 3");
    };
    SoapResponse response = connector.call("TD1.6", "habilitations",
        "urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatient", ins, document -> {
          Element body = document.createElementNS(Ns.HABILITATIONS, "hab:listAuthorizationByPatient");
          Xml.add(body, Ns.HABILITATIONS, "hab:mode", mode);
          return body;
        });
    Element output = Xml.child(response.body(), "output").orElse(response.body());
    Statuses.check(output);
    List<Authorization> found = new ArrayList<>();
    for (Element item : Xml.children(output, "listOfAuthorizationByPatient")) {
      boolean treating = Xml.children(item, "specificRight").stream()
          .anyMatch(e -> "MEDECIN_TRAITANT".equals(e.getTextContent().strip()));
      found.add(new Authorization(Xml.text(item, "nationalId"), Xml.text(item, "nationalIdType"),
          Xml.text(item, "lastName"), Xml.text(item, "firstName"), Xml.text(item, "codeSpeciality"),
          Xml.text(item, "libSpeciality"), Xml.text(item, "startOfAuthorization"), Xml.text(item, "lastActionDate"),
          "INTERDITE".equals(Xml.text(item, "mode")) ? 2 : 1, treating ? 1 : 0));
    }
    return found;
  }
}
