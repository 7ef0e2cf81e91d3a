package org.libreconnect.simulator.card;

import java.util.List;
import java.util.Objects;

/**
 * One beneficiary written on a simulated Vitale card.
 *
 * @param name last name
 * @param given first name
 * @param birthName birth name
 * @param birthDate birth date as the card holds it, YYYYMMDD; "lunar" values allowed (19480000)
 * @param nir the insured person's NIR with its key (15 characters), the same for every
 *     beneficiary of the card
 * @param certifiedNir the beneficiary's own NIR with its key (15 characters)
 * @param birthRank birth rank (twins)
 * @param quality quality code: 0 insured, 1 ascendant, 2 spouse, 6 child...
 */
public record VitaleHolder(
    String name,
    String given,
    String birthName,
    String birthDate,
    String nir,
    String certifiedNir,
    int birthRank,
    int quality) {

  /** The insured person's NIR of the test family, with its key. */
  public static final String TEST_FAMILY_NIR = "153078987658513";

  public VitaleHolder {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(birthName, "birthName");
    if (birthDate == null || !birthDate.matches("[0-9]{8}")) {
      throw new IllegalArgumentException("a birth date is 8 digits YYYYMMDD");
    }
    if (nir == null || nir.length() != 15 || certifiedNir == null || certifiedNir.length() != 15) {
      throw new IllegalArgumentException("a NIR with its key has 15 characters");
    }
  }

  /**
   * The four beneficiaries of the test family, shared with the INSi and DMP simulators: the
   * insured person, the spouse (another birth name), a child, and an ascendant born abroad with a
   * lunar birth date.
   */
  public static List<VitaleHolder> testFamily() {
    return List.of(
        new VitaleHolder("BERNARD-ESSAI", "PAUL", "BERNARD-ESSAI", "19530712",
            TEST_FAMILY_NIR, "153078987658513", 1, 0),
        new VitaleHolder("BERNARD-ESSAI", "ALICE", "MARTIN-ESSAI", "19790315",
            TEST_FAMILY_NIR, "279035121518989", 1, 2),
        new VitaleHolder("BERNARD-ESSAI", "LEO", "BERNARD-ESSAI", "20150904",
            TEST_FAMILY_NIR, "115097511200382", 1, 6),
        new VitaleHolder("HAMIDI-ESSAI", "FATIMA", "HAMIDI-ESSAI", "19480000",
            TEST_FAMILY_NIR, "248209935004573", 1, 1));
  }
}
