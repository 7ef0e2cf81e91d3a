package org.libreconnect.worker.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libreconnect.pkcs11.holder.CpsHolder;
import org.libreconnect.pkcs11.holder.CpsPracticeLocation;
import org.libreconnect.pkcs11.holder.HolderSource;
import org.libreconnect.simulation.card.CpsCardData;
import org.libreconnect.simulation.card.CpsCardLayout;
import org.libreconnect.simulation.identity.CpsIdentity;

/**
 * The holder data in the files of a card's CPS application (docs/simulated-card.md): identity,
 * card file and practice locations. The private files need the PIN verified.
 */
final class SimulatedCpsHolderFiles {
  private SimulatedCpsHolderFiles() {}

  /**
   * Reads and decodes the holder files of the selected application.
   *
   * @throws UnknownCardException when a file is malformed
   */
  static CpsHolder read(SimulatedCpsApplication cps) {
    byte[] info = cps.readFile(CpsCardLayout.FID_INFO);
    byte[] card = cps.readFile(CpsCardLayout.FID_CARD);
    List<byte[]> activities = new ArrayList<>();
    for (short fid = CpsCardLayout.FID_ACTIVITY_FIRST; fid <= CpsCardLayout.FID_PRIVATE_LAST; fid++) {
      Optional<byte[]> activity = cps.readFileIfPresent(fid);
      if (activity.isEmpty()) {
        break;
      }
      activities.add(activity.get());
    }
    return holder(decode(info, card, activities));
  }

  private static CpsIdentity decode(byte[] info, byte[] card, List<byte[]> activities) {
    try {
      return CpsCardData.decode(info, card, activities);
    } catch (IllegalArgumentException e) {
      throw new UnknownCardException("reading the card failed: its holder data is malformed", e);
    }
  }

  private static CpsHolder holder(CpsIdentity identity) {
    return new CpsHolder(
        identity.name(),
        identity.given(),
        identity.psIdNat(),
        identity.internalIdType(),
        identity.professionCode(),
        identity.professionOid(),
        identity.professionLabel(),
        identity.specialtyCode(),
        Optional.of(identity.specialtyLabel()),
        identity.practiceLocations().stream()
            .map(l -> new CpsPracticeLocation(l.name(), l.structureId(), l.activitySector(), l.healthcareSetting()))
            .toList(),
        Optional.of(identity.cardSerialNumber()),
        identity.validUntil(),
        HolderSource.DATA_OBJECTS);
  }
}
