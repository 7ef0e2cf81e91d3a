package org.libreconnect.dmp.tx;

import org.libreconnect.dmp.errors.DmpRefusedException;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;

/** The {@code status}/{@code context} pair of the habilitations and patientsSpecific services. */
final class Statuses {
  private Statuses() {}

  /** Throws unless {@code output/status} is {@code DMPOk} (any case) or absent. */
  static void check(Element output) {
    String status = Xml.text(output, "status");
    if (!status.isEmpty() && !status.equalsIgnoreCase("DMPOk")) {
      throw new DmpRefusedException(DmpRefusedException.Source.STATUS, status, Xml.text(output, "context"));
    }
  }
}
