package org.libreconnect.simulation.identity;

import java.util.Objects;

/**
 * One place where a professional practises, as a CPS card stores it in {@code CPS_ACTIVITY_nn_PS}.
 *
 * @param name the structure's name (raison sociale), such as {@code "CABINET DU DR LIBRE"}
 * @param structureId the structure's national identifier (Struct_IdNat), such as {@code
 *     "499900063480001"}
 * @param activitySector the activity sector code (TRE_R02), such as {@code "SA07"}
 * @param healthcareSetting the healthcare setting reported to clients, such as {@code "SA07"}
 */
public record PracticeLocation(
    String name, String structureId, String activitySector, String healthcareSetting) {

  public PracticeLocation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(structureId, "structureId");
    Objects.requireNonNull(activitySector, "activitySector");
    Objects.requireNonNull(healthcareSetting, "healthcareSetting");
  }
}
