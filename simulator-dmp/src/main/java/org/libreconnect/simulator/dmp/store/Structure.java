package org.libreconnect.simulator.dmp.store;

import java.util.Objects;
import java.util.Set;

/**
 * A health structure known to the DMP.
 *
 * @param id its Struct_IdNat, such as {@code "499900063480001"}
 * @param name its name (raison sociale)
 * @param activitySector its activity sector (TRE_R02), such as {@code "SA07"}
 * @param active whether it is active (an inactive structure is refused like an unknown one)
 * @param members the PS_IdNat of the professionals linked to it
 */
public record Structure(
    String id, String name, String activitySector, boolean active, Set<String> members) {

  public Structure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(activitySector, "activitySector");
    members = Set.copyOf(members);
  }
}
