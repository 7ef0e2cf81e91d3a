package org.libreconnect.dmp.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The document types the DMP takes and the class each belongs to: the ANS association table
 * ASS_X04-CorrespondanceType-Classe-CISIS, shipped as {@code /dmp/codes/ASS_X04_…tsv} (provenance
 * in its README). The ANS mapping of XDS metadata says classCode "est déduit du CDA (champ code)
 * selon la table de correspondance ASS_X04", so the connector never lets an application choose
 * a class that does not match the type.
 */
public final class DocumentTypes {
  /** The table's resource. */
  public static final String RESOURCE = "/dmp/codes/ASS_X04_CorrespondanceType_Classe_CISIS.tsv";

  private static final Map<String, DocumentType> BY_CODE = load();

  private DocumentTypes() {}

  /**
   * One row of the table.
   *
   * @param typeSystem the typeCode's code system: LOINC, TRE_A05 or ASTM (the signature)
   * @param typeCode the XDS typeCode (the CDA {@code code})
   * @param typeLabel the typeCode's display name in JDV_J07, or empty when J07 does not list it
   * @param classSystem the classCode's code system (TRE_A03, or {@code URN} for the signature)
   * @param classCode the XDS classCode
   * @param classLabel the classCode's display name (TRE_A03)
   */
  public record DocumentType(String typeSystem, String typeCode, String typeLabel, String classSystem,
      String classCode, String classLabel) {}

  /** The row of {@code typeCode}, if the table has it. */
  public static Optional<DocumentType> of(String typeCode) {
    return typeCode == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(typeCode.strip()));
  }

  /** How many type codes the table knows. */
  public static int size() {
    return BY_CODE.size();
  }

  private static Map<String, DocumentType> load() {
    Map<String, DocumentType> rows = new LinkedHashMap<>();
    try (InputStream in = DocumentTypes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the ASS_X04 table is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
          throw new IllegalStateException("malformed ASS_X04 row: " + line);
        }
        rows.put(f[1], new DocumentType(f[0], f[1], f[2], f[3], f[4], f[5]));
      }
      return Map.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
