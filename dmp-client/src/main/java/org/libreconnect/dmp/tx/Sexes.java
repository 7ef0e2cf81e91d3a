package org.libreconnect.dmp.tx;

/** JS2 Sex (1 unknown, 2 male, 3 female) and Gender (1 unknown, 2 M, 3 Mme) from HL7 codes. */
final class Sexes {
  private Sexes() {}

  static int sex(String administrativeGender) {
    return switch (administrativeGender) {
      case "M" -> 2;
      case "F" -> 3;
      default -> 1;
    };
  }

  static int gender(String prefix) {
    String value = prefix.strip().toUpperCase(java.util.Locale.ROOT);
    if (value.equals("M") || value.equals("M.") || value.equals("MR")) {
      return 2;
    }
    if (value.startsWith("MME") || value.equals("MLLE")) {
      return 3;
    }
    return 1;
  }
}
