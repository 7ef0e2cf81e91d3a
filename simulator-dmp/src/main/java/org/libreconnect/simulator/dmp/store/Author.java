package org.libreconnect.simulator.dmp.store;

import java.util.Optional;

/**
 * The author of a document as XDS metadata carries it (dmp.md §2.6).
 *
 * @param person the authorPerson XCN, such as {@code
 *     899900063480^LIBRE^MAX^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS}, or null
 * @param institution the authorInstitution XON, ending with {@code ^IDNST^^^<Struct_IdNat>}, or
 *     null
 * @param specialty the authorSpecialty, such as {@code G15_10/SM26^Médecin - ...^1.2.250.1.213.1.1.4.5},
 *     or null
 */
public record Author(String person, String institution, String specialty) {
  /** The PS national identifier authority. */
  public static final String PS_OID = "1.2.250.1.71.4.2.1";

  /** The structure national identifier authority. */
  public static final String STRUCTURE_OID = "1.2.250.1.71.4.2.2";

  /** The XDS author of {@code professional} practising in {@code structure}. */
  public static Author of(Professional professional, Structure structure) {
    return new Author(
        professional.psIdNat() + "^" + professional.family() + "^" + professional.given()
            + "^^^^^^&" + PS_OID + "&ISO^D^^^IDNPS",
        structure == null ? null
            : structure.name() + "^^^^^&" + STRUCTURE_OID + "&ISO^IDNST^^^" + structure.id(),
        professional.specialityCode() + "^" + professional.specialityLabel()
            + "^1.2.250.1.213.1.1.4.5");
  }

  /** The author's PS_IdNat (the XCN's first component). */
  public Optional<String> psIdNat() {
    if (person == null || person.isBlank()) {
      return Optional.empty();
    }
    int caret = person.indexOf('^');
    return Optional.of(caret < 0 ? person : person.substring(0, caret));
  }

  /** The author's Struct_IdNat (the XON's tenth component). */
  public Optional<String> structureId() {
    if (institution == null) {
      return Optional.empty();
    }
    String[] components = institution.split("\\^", -1);
    return components.length >= 10 && !components[9].isBlank()
        ? Optional.of(components[9])
        : Optional.empty();
  }
}
