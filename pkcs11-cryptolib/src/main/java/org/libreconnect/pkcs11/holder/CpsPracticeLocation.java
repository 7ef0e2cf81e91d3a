package org.libreconnect.pkcs11.holder;

import java.util.Objects;

/**
 * One place where the holder practises, as a {@code CPS_ACTIVITY_nn_PS} data object describes it.
 *
 * @param name the structure's name (raison sociale)
 * @param structureId the structure's national identifier (Struct_IdNat)
 * @param activitySector the activity sector code (TRE_R02), such as {@code SA07}
 * @param healthcareSetting the healthcare setting reported to clients
 */
public record CpsPracticeLocation(
    String name, String structureId, String activitySector, String healthcareSetting) {
  public CpsPracticeLocation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(structureId, "structureId");
    Objects.requireNonNull(activitySector, "activitySector");
    Objects.requireNonNull(healthcareSetting, "healthcareSetting");
  }
}
