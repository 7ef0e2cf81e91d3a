package org.libreconnect.insi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A beneficiary of a Vitale card, as the search with the Vitale card data needs it.
 *
 * @param nir the beneficiary's own (certified) NIR, 13 characters, empty when the card has none
 * @param nirKey its 2-digit key, empty with it
 * @param insuredNir the insured person's NIR (the card holder's, {@code MatriculeOD}), 13 characters
 * @param insuredNirKey its key
 * @param birthDate the birth date as the card holds it, YYYYMMDD, possibly lunar (00 day or month)
 * @param rank birth rank (1 to 9)
 * @param name usual name
 * @param birthName birth name (may be empty: the usual name then stands for it)
 * @param given given name
 * @param quality the beneficiary's quality code (0 insured, 1 ascendant…, 6 child)
 */
public record VitaleBeneficiary(
    String nir,
    String nirKey,
    String insuredNir,
    String insuredNirKey,
    String birthDate,
    int rank,
    String name,
    String birthName,
    String given,
    int quality) {
  private static final Pattern NIR = Pattern.compile("\\d{6}[0-9AB]\\d{6}");
  private static final Pattern KEY = Pattern.compile("\\d{2}");
  private static final Pattern CARD_DATE = Pattern.compile("\\d{8}");

  public VitaleBeneficiary {
    nir = nir == null ? "" : nir.strip();
    nirKey = nirKey == null ? "" : nirKey.strip();
    insuredNir = Objects.requireNonNull(insuredNir, "insuredNir").strip();
    insuredNirKey = Objects.requireNonNull(insuredNirKey, "insuredNirKey").strip();
    birthDate = Objects.requireNonNull(birthDate, "birthDate").strip();
    name = name == null ? "" : name.strip();
    birthName = birthName == null ? "" : birthName.strip();
    given = given == null ? "" : given.strip();
  }

  /** Whether the card data are complete enough for INSi (else the JS2 error says the card is unreadable). */
  public boolean usable() {
    return NIR.matcher(insuredNir).matches() && KEY.matcher(insuredNirKey).matches()
        && (nir.isEmpty() || NIR.matcher(nir).matches() && KEY.matcher(nirKey).matches())
        && CARD_DATE.matcher(birthDate).matches() && rank >= 1 && rank <= 9
        && !(birthName.isEmpty() && name.isEmpty());
  }

  /** The birth date as INSi takes it (YYYY-MM-DD, lunar parts kept as 00). */
  public String insiBirthDate() {
    return birthDate.substring(0, 4) + "-" + birthDate.substring(4, 6) + "-" + birthDate.substring(6, 8);
  }

  /** The birth name, or the usual name when the card holds no birth name. */
  public String searchName() {
    return birthName.isEmpty() ? name : birthName;
  }

  @Override
  public String toString() {
    return "VitaleBeneficiary[rank=" + rank + ", quality=" + quality + "]";
  }
}
