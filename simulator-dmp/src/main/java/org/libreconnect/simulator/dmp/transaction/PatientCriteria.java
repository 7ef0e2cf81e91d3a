package org.libreconnect.simulator.dmp.transaction;

import java.text.Normalizer;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.store.Patient;
import org.w3c.dom.Element;

/**
 * The criteria of a TD0.5 search (PRPA_MT201306UV02 {@code parameterList}): family and given
 * names, sex, birth date, postal code and city; {@code matchCriterionList/matchAlgorithm} names
 * the parameters searched approximately ({@code LivingSubject.name}, {@code Patient.addr}).
 * Names and cities compare without case, accents or punctuation; an approximate one also matches
 * a value it begins, or one at most two letters away.
 */
record PatientCriteria(String family, String given, String gender, String birthDate,
    String postalCode, String city, boolean approximateName, boolean approximateCity) {
  static final String NAME = "LivingSubject.name";
  static final String ADDRESS = "Patient.addr";
  private static final Set<String> GENDERS = Set.of("M", "F", "U");

  /** The criteria of {@code request}, a schema-valid {@code PRPA_IN201305UV02}. */
  static PatientCriteria of(Element request) {
    Element list = Xml.descendant(request, Namespaces.HL7, "parameterList").orElseThrow();
    Element name = value(list, "livingSubjectName");
    Element address = value(list, "patientAddress");
    String gender = attribute(value(list, "livingSubjectAdministrativeGender"), "code");
    if (!gender.isEmpty() && !GENDERS.contains(gender)) {
      throw invalid("livingSubjectAdministrativeGender doit être M, F ou U");
    }
    String birth = attribute(value(list, "livingSubjectBirthTime"), "value");
    if (!birth.isEmpty() && !birth.matches("\\d{8}")) {
      throw invalid("livingSubjectBirthTime doit être une date AAAAMMJJ");
    }
    String postalCode = text(address, "postalCode");
    if (!postalCode.isEmpty() && !postalCode.matches("\\d[0-9AB]\\d{3}")) {
      throw invalid("patientAddress/postalCode doit être un code postal de cinq caractères");
    }
    String approximate = Xml.descendant(request, Namespaces.HL7, "matchAlgorithm")
        .flatMap(algorithm -> Xml.childText(algorithm, Namespaces.HL7, "semanticsText")).orElse("");
    Set<String> approximated = Set.of(approximate.split("\\s+"));
    return new PatientCriteria(text(name, "family"), text(name, "given"), gender, birth, postalCode,
        text(address, "city"), approximated.contains(NAME), approximated.contains(ADDRESS));
  }

  /** How well {@code patient} matches, in percent, or empty when it does not. */
  OptionalInt score(Patient patient) {
    int score = 100;
    OptionalInt name = compare(family, patient.family(), approximateName);
    if (name.isEmpty()) {
      return name;
    }
    score = Math.min(score, name.getAsInt());
    if (!given.isEmpty() && !normal(patient.given()).equals(normal(given))) {
      return OptionalInt.empty();
    }
    if (!gender.isEmpty() && !gender.equals(patient.gender())) {
      return OptionalInt.empty();
    }
    if (!birthDate.isEmpty() && !sameBirthDate(patient.birthDate())) {
      return OptionalInt.empty();
    }
    if (!postalCode.isEmpty() && !postalCode.equals(patient.postalCode())) {
      return OptionalInt.empty();
    }
    if (!city.isEmpty()) {
      OptionalInt place = compare(city, patient.city() == null ? "" : patient.city(), approximateCity);
      if (place.isEmpty()) {
        return place;
      }
      score = Math.min(score, place.getAsInt());
    }
    return OptionalInt.of(score);
  }

  /** A birth date known only by its year ({@code 19480000}) matches any date of that year. */
  private boolean sameBirthDate(String known) {
    return known.equals(birthDate)
        || (known.endsWith("0000") && known.substring(0, 4).equals(birthDate.substring(0, 4)));
  }

  /** 100 for the same value; when approximate, 90 for a beginning, 80 or 60 one or two letters away. */
  static OptionalInt compare(String wanted, String known, boolean approximate) {
    String a = normal(wanted);
    String b = normal(known);
    if (a.equals(b)) {
      return OptionalInt.of(100);
    }
    if (!approximate || b.isEmpty()) {
      return OptionalInt.empty();
    }
    if (b.startsWith(a)) {
      return OptionalInt.of(90);
    }
    int distance = distance(a, b);
    return distance <= 2 ? OptionalInt.of(100 - 20 * distance) : OptionalInt.empty();
  }

  /** Upper case without accents, punctuation as single spaces. */
  static String normal(String value) {
    String plain = Normalizer.normalize(value == null ? "" : value, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
    return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").strip();
  }

  /** The Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static Element value(Element list, String parameter) {
    return Xml.child(list, Namespaces.HL7, parameter)
        .flatMap(found -> Xml.child(found, Namespaces.HL7, "value")).orElse(null);
  }

  private static String attribute(Element element, String name) {
    return element == null ? "" : element.getAttribute(name).strip();
  }

  private static String text(Element element, String child) {
    return element == null ? "" : Xml.childText(element, Namespaces.HL7, child).orElse("");
  }

  private static DmpException invalid(String detail) {
    return new DmpException(DmpError.INVALID_MESSAGE, "Message invalide : " + detail);
  }
}
