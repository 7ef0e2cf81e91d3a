package org.libreconnect.dmp.codes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Element;

/**
 * The display names of the CI-SIS value sets the connector writes codes of, so that XDS
 * classifications and CDA codes carry the official label, never the code again: JDV_J02
 * (healthcare facility type, TRE_R02 activity sectors) and JDV_J04 (practice setting, TRE_A01),
 * shipped unchanged under {@code /dmp/codes/} (provenance in its README).
 */
public final class ValueSets {
  /** JDV_J02-XdsHealthcareFacilityTypeCode-CISIS. */
  public static final ValueSets FACILITY_TYPES = load("JDV_J02_XdsHealthcareFacilityTypeCode_CISIS.xml");

  /** JDV_J04-XdsPracticeSettingCode-CISIS. */
  public static final ValueSets PRACTICE_SETTINGS = load("JDV_J04_XdsPracticeSettingCode_CISIS.xml");

  private final Map<String, String> labels;
  private final Map<String, String> systems;

  private ValueSets(Map<String, String> labels, Map<String, String> systems) {
    this.labels = Map.copyOf(labels);
    this.systems = Map.copyOf(systems);
  }

  /** The display name of {@code code}, if the set has it. */
  public Optional<String> label(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(labels.get(code));
  }

  /** The display name of {@code code}, or the code itself when the set does not have it. */
  public String labelOr(String code) {
    return label(code).orElse(code);
  }

  /** The code system of {@code code}, if the set has it. */
  public Optional<String> system(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(systems.get(code));
  }

  private static ValueSets load(String file) {
    try (InputStream in = ValueSets.class.getResourceAsStream("/dmp/codes/" + file)) {
      if (in == null) {
        throw new IllegalStateException("value set " + file + " is not on the class path");
      }
      Map<String, String> labels = new LinkedHashMap<>();
      Map<String, String> systems = new LinkedHashMap<>();
      for (Element concept : Xml.descendants(Xml.parse(in.readAllBytes()).getDocumentElement(), "Concept")) {
        labels.put(concept.getAttribute("code"), concept.getAttribute("displayName"));
        systems.put(concept.getAttribute("code"), concept.getAttribute("codeSystem"));
      }
      return new ValueSets(labels, systems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
