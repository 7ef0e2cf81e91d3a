package org.libreconnect.worker.dmp.card;

import org.libreconnect.pkcs11.holder.CpsHolder;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.DmpPracticeLocation;

/** The card layer's holder data in the form the DMP client uses. */
public final class Holders {
  private Holders() {}

  public static DmpHolder of(CpsHolder holder) {
    return new DmpHolder(holder.internalId(), holder.name(), holder.given(), holder.professionCode(),
        holder.professionOid(), holder.professionLabel(), holder.specialtyCode(), holder.specialtyLabel().orElse(""),
        holder.practiceLocations().stream()
            .map(l -> new DmpPracticeLocation(l.name(), l.structureId(), l.activitySector())).toList());
  }
}
