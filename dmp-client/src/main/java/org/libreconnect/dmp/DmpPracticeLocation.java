package org.libreconnect.dmp;

import java.util.Objects;

/**
 * A practice location as the VIHF needs it.
 *
 * @param name the structure's name
 * @param structureId Struct_IdNat, the VIHF {@code Identifiant_Structure}
 * @param activitySector the TRE_R02 code, such as {@code SA07}, the VIHF {@code Secteur_Activite}
 */
public record DmpPracticeLocation(String name, String structureId, String activitySector) {
  public DmpPracticeLocation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(structureId, "structureId");
    Objects.requireNonNull(activitySector, "activitySector");
  }
}
