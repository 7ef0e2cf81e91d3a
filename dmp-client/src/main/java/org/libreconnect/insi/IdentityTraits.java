package org.libreconnect.insi;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * The traits of a search or a verification, as the JS2 guide asks for them: birth name and given
 * name(s) in capitals without accents, only '-' and ' ' between letters, sex {@code M} or {@code
 * F}, birth date YYYY-MM-DD and, optionally, the birth place's 5-character COG code. Errors name
 * the key and the rule, never the value.
 *
 * @param birthName {@code NomNaissance}
 * @param given {@code Prenom} (one or several, space-separated)
 * @param sex {@code M} or {@code F}
 * @param birthDate YYYY-MM-DD
 * @param birthPlace COG code, or empty
 */
public record IdentityTraits(String birthName, String given, String sex, String birthDate, String birthPlace) {
  private static final Pattern NAME = Pattern.compile("[A-Z]+(?:(?:[ -]|--)[A-Z]+)*");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern COG = Pattern.compile("[0-9][0-9AB][0-9]{3}");
  private static final String NAME_RULE =
      "must be in capitals without accents, with only '-' or ' ' between letters";

  /**
   * Checks the JS2 inputs and returns the traits.
   *
   * @param sex JS2 Sex: 2 male, 3 female (1 unknown is refused)
   */
  public static IdentityTraits of(String birthName, String given, Integer sex, String birthDate, String birthPlace) {
    return new IdentityTraits(name("s_birthName", birthName), name("s_given", given), sex(sex),
        date("s_birthDate", birthDate), place(birthPlace));
  }

  static String name(String key, String value) {
    String stripped = value == null ? "" : value.strip();
    if (stripped.isEmpty() || stripped.length() > 100 || !NAME.matcher(stripped).matches()) {
      throw new InvalidParameterException(key, NAME_RULE);
    }
    return stripped;
  }

  static String sex(Integer sex) {
    if (sex == null) {
      throw new InvalidParameterException("i_sex", "must be 2 (male) or 3 (female)");
    }
    return switch (sex) {
      case 2 -> "M";
      case 3 -> "F";
      default -> throw new InvalidParameterException("i_sex", "must be 2 (male) or 3 (female)");
    };
  }

  static String date(String key, String value) {
    String stripped = value == null ? "" : value.strip();
    if (!DATE.matcher(stripped).matches()) {
      throw new InvalidParameterException(key, "must be a date as YYYY-MM-DD");
    }
    try {
      LocalDate.parse(stripped);
    } catch (DateTimeException e) {
      throw new InvalidParameterException(key, "must be a date as YYYY-MM-DD");
    }
    return stripped;
  }

  static String place(String value) {
    String stripped = value == null ? "" : value.strip();
    if (!stripped.isEmpty() && !COG.matcher(stripped).matches()) {
      throw new InvalidParameterException("s_birthPlace", "must be empty or an INSEE COG code of 5 characters");
    }
    return stripped;
  }

  /** The JS2 Sex value of an INSi sex code: 2 male, 3 female, 1 otherwise. */
  public static int js2Sex(String code) {
    return switch (code == null ? "" : code) {
      case "M" -> 2;
      case "F" -> 3;
      default -> 1;
    };
  }
}
