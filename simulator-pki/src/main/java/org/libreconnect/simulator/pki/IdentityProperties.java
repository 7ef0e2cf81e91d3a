package org.libreconnect.simulator.pki;

import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulation.identity.PracticeLocation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A {@link CpsIdentity} as a properties file, one key per field, for {@link SimulationMaterial}. */
final class IdentityProperties {
  private IdentityProperties() {}

  static Properties write(CpsIdentity identity) {
    Properties p = new Properties();
    p.setProperty("psIdNat", identity.psIdNat());
    p.setProperty("internalIdType", Integer.toString(identity.internalIdType()));
    p.setProperty("name", identity.name());
    p.setProperty("given", identity.given());
    p.setProperty("professionCode", identity.professionCode());
    p.setProperty("professionOid", identity.professionOid());
    p.setProperty("professionLabel", identity.professionLabel());
    p.setProperty("specialtyCode", identity.specialtyCode());
    p.setProperty("specialtyLabel", identity.specialtyLabel());
    p.setProperty("cardSerialNumber", identity.cardSerialNumber());
    p.setProperty("validUntil", identity.validUntil().toString());
    p.setProperty("cpxType", Integer.toString(identity.cpxType()));
    List<PracticeLocation> locations = identity.practiceLocations();
    for (int i = 0; i < locations.size(); i++) {
      String prefix = "location." + (i + 1) + ".";
      p.setProperty(prefix + "name", locations.get(i).name());
      p.setProperty(prefix + "structureId", locations.get(i).structureId());
      p.setProperty(prefix + "activitySector", locations.get(i).activitySector());
      p.setProperty(prefix + "healthcareSetting", locations.get(i).healthcareSetting());
    }
    return p;
  }

  /**
   * The identity in {@code p}.
   *
   * @throws IllegalArgumentException when a field is missing or malformed
   */
  static CpsIdentity read(Properties p) {
    List<PracticeLocation> locations = new ArrayList<>();
    for (int i = 1; p.getProperty("location." + i + ".name") != null; i++) {
      String prefix = "location." + i + ".";
      locations.add(
          new PracticeLocation(
              required(p, prefix + "name"),
              required(p, prefix + "structureId"),
              required(p, prefix + "activitySector"),
              required(p, prefix + "healthcareSetting")));
    }
    return new CpsIdentity(
        required(p, "psIdNat"),
        Integer.parseInt(required(p, "internalIdType")),
        required(p, "name"),
        required(p, "given"),
        required(p, "professionCode"),
        required(p, "professionOid"),
        required(p, "professionLabel"),
        required(p, "specialtyCode"),
        required(p, "specialtyLabel"),
        locations,
        required(p, "cardSerialNumber"),
        LocalDate.parse(required(p, "validUntil")),
        Integer.parseInt(required(p, "cpxType")));
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("identity property " + key + " is missing");
    }
    return value;
  }
}
