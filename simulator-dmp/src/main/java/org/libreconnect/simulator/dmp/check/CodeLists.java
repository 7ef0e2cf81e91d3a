package org.libreconnect.simulator.dmp.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/**
 * The code lists the simulator checks codes against: the CI-SIS value sets (JDV) of the XDS
 * metadata, shipped unchanged under {@code /dmp/codes/} (provenance in its README). Professions
 * (TRE_G15) and specialties (TRE_R01/R38) come from the author-specialty set JDV_J01, whose codes
 * are {@code G15_<profession>} and {@code G15_<profession>/<specialty>}.
 */
public final class CodeLists {
  /** TRE_G15 Profession. */
  public static final String PROFESSION_SYSTEM = "1.2.250.1.71.1.2.7";

  /** TRE_R01 / R38 specialties. */
  public static final String SPECIALTY_SYSTEM = "1.2.250.1.71.4.2.5";

  /** TRE_R02 SecteurActivite: the healthcare facility types and the VIHF's Secteur_Activite. */
  public static final String SECTOR_SYSTEM = "1.2.250.1.71.4.2.4";

  /** TRE_A00 ProducteurDocNonPS and the author-specialty codes of JDV_J01. */
  public static final String AUTHOR_SPECIALTY_SYSTEM = "1.2.250.1.213.1.1.4.5";

  private static final CodeLists SHIPPED = load();

  private final Map<String, Set<String>> authorSpecialties;
  private final Map<String, Set<String>> facilityTypes;
  private final Map<String, Set<String>> practiceSettings;
  private final Map<String, Set<String>> typeCodes;
  private final Map<String, Set<String>> confidentialities;
  private final Set<String> professions = new LinkedHashSet<>();
  private final Set<String> specialties = new LinkedHashSet<>();

  private CodeLists(Map<String, Set<String>> authorSpecialties,
      Map<String, Set<String>> facilityTypes, Map<String, Set<String>> practiceSettings,
      Map<String, Set<String>> typeCodes, Map<String, Set<String>> confidentialities) {
    this.authorSpecialties = authorSpecialties;
    this.facilityTypes = facilityTypes;
    this.practiceSettings = practiceSettings;
    this.typeCodes = typeCodes;
    this.confidentialities = confidentialities;
    for (String code : authorSpecialties.getOrDefault(AUTHOR_SPECIALTY_SYSTEM, Set.of())) {
      if (code.startsWith("G15_")) {
        int slash = code.indexOf('/');
        professions.add(code.substring(4, slash < 0 ? code.length() : slash));
        if (slash > 0) {
          specialties.add(code.substring(slash + 1));
        }
      }
    }
  }

  /** The shipped lists (immutable, read once per JVM). */
  public static CodeLists shipped() {
    return SHIPPED;
  }

  /** Whether {@code code} is a TRE_G15 profession. */
  public boolean isProfession(String code) {
    return professions.contains(code);
  }

  /** Whether {@code code} is a specialty of some profession in JDV_J01. */
  public boolean isSpecialty(String code) {
    return specialties.contains(code);
  }

  /** Whether {@code code} is a healthcare facility type / activity sector (JDV_J02). */
  public boolean isFacilityType(String code, String system) {
    return in(facilityTypes, code, system);
  }

  /** Whether {@code code} is an XDS author specialty (JDV_J01). */
  public boolean isAuthorSpecialty(String code, String system) {
    return in(authorSpecialties, code, system);
  }

  /** Whether {@code code} is an XDS practice setting (JDV_J04). */
  public boolean isPracticeSetting(String code, String system) {
    return in(practiceSettings, code, system);
  }

  /** Whether {@code code} is an XDS typeCode (JDV_J07). */
  public boolean isTypeCode(String code, String system) {
    return in(typeCodes, code, system);
  }

  /** Whether {@code code} is an XDS confidentiality code (JDV_J08). */
  public boolean isConfidentiality(String code, String system) {
    return in(confidentialities, code, system);
  }

  private static boolean in(Map<String, Set<String>> list, String code, String system) {
    return list.getOrDefault(system, Set.of()).contains(code);
  }

  private static CodeLists load() {
    return new CodeLists(read("JDV_J01_XdsAuthorSpecialty_CISIS.xml"),
        read("JDV_J02_XdsHealthcareFacilityTypeCode_CISIS.xml"),
        read("JDV_J04_XdsPracticeSettingCode_CISIS.xml"),
        read("JDV_J07_XdsTypeCode_CISIS.xml"),
        read("JDV_J08_XdsConfidentialityCode_CISIS.xml"));
  }

  /** Code system → codes of one SVS value-set file. */
  private static Map<String, Set<String>> read(String file) {
    try (InputStream in = CodeLists.class.getResourceAsStream("/dmp/codes/" + file)) {
      if (in == null) {
        throw new IllegalStateException("code list " + file + " is not on the class path");
      }
      Map<String, Set<String>> bySystem = new LinkedHashMap<>();
      Element root = Xml.parse(in.readAllBytes()).getDocumentElement();
      for (Element concept : Xml.descendants(root, "urn:ihe:iti:svs:2008", "Concept")) {
        bySystem.computeIfAbsent(concept.getAttribute("codeSystem"), key -> new LinkedHashSet<>())
            .add(concept.getAttribute("code"));
      }
      return bySystem;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
