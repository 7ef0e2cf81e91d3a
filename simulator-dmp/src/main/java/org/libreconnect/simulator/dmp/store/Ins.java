package org.libreconnect.simulator.dmp.store;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patient's INS (Identifiant National de Santé) with its assigning authority OID.
 *
 * @param value the 15 characters: NIR (13) and key (2)
 * @param oid the authority, such as {@link #TEST_NIR_OID}
 */
public record Ins(String value, String oid) {
  /** INS-NIR. */
  public static final String NIR_OID = "1.2.250.1.213.1.4.8";

  /** INS-NIA. */
  public static final String NIA_OID = "1.2.250.1.213.1.4.9";

  /** INS-NIR of test patients, the one all DMP test examples use. */
  public static final String TEST_NIR_OID = "1.2.250.1.213.1.4.10";

  /** INS-NIA of test patients. */
  public static final String TEST_NIA_OID = "1.2.250.1.213.1.4.11";

  /** The legacy INS-C authority, still sent by the DMP next to the INS. */
  public static final String INS_C_OID = "1.2.250.1.213.1.4.2";

  private static final Set<String> INS_OIDS = Set.of(NIR_OID, NIA_OID, TEST_NIR_OID, TEST_NIA_OID);
  private static final Pattern VALUE = Pattern.compile("[0-9][0-9AB][0-9]{13}");
  private static final Pattern CX =
      Pattern.compile("([0-9A-Z]+)\\^\\^\\^&([0-9.]+)&ISO\\^NH(\\^.*)?");

  public Ins {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(oid, "oid");
    if (!VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("an INS has 15 digits");
    }
    if (!INS_OIDS.contains(oid)) {
      throw new IllegalArgumentException("not an INS authority OID: " + oid);
    }
  }

  /**
   * Parses the HL7 CX form {@code <INS>^^^&<OID>&ISO^NH}, optionally followed by more components
   * (XDS adds {@code ^^<date>}); empty when the text is not an INS in that form.
   */
  public static Optional<Ins> parseCx(String cx) {
    if (cx == null) {
      return Optional.empty();
    }
    String text = cx.trim();
    if (text.length() > 1 && text.startsWith("'") && text.endsWith("'")) {
      text = text.substring(1, text.length() - 1);
    }
    Matcher matcher = CX.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Ins(matcher.group(1), matcher.group(2)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The HL7 CX form, {@code <INS>^^^&<OID>&ISO^NH}. */
  public String cx() {
    return value + "^^^&" + oid + "&ISO^NH";
  }

  /** A shortened form for logs, such as {@code 2790…989}. */
  public String shortened() {
    return shorten(value);
  }

  /** A shortened form of any identifier for logs. */
  public static String shorten(String identifier) {
    if (identifier == null || identifier.length() < 8) {
      return "…";
    }
    return identifier.substring(0, 4) + "…" + identifier.substring(identifier.length() - 3);
  }

  @Override
  public String toString() {
    return "Ins[" + shortened() + "]";
  }
}
