package org.libreconnect.simulator.dmp.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.libreconnect.simulator.dmp.store.Code;

/**
 * The ANS association table ASS_X04-CorrespondanceType-Classe-CISIS, shipped under
 * {@code /dmp/codes/} (provenance in its README): the classCode every XDS typeCode belongs to.
 * The ANS mapping of XDS metadata derives classCode from the document's code with it, so an entry
 * whose classCode is not the table's for its typeCode is refused.
 */
public final class TypeClassTable {
  private static final TypeClassTable SHIPPED = load();

  private final Map<String, Code> classByType;

  private TypeClassTable(Map<String, Code> classByType) {
    this.classByType = Map.copyOf(classByType);
  }

  /** The shipped table. */
  public static TypeClassTable shipped() {
    return SHIPPED;
  }

  /** The class (code, scheme, label) of typeCode {@code typeCode} in {@code typeScheme}, if known. */
  public Optional<Code> classOf(String typeCode, String typeScheme) {
    return Optional.ofNullable(classByType.get(typeScheme + "|" + typeCode));
  }

  private static TypeClassTable load() {
    String file = "/dmp/codes/ASS_X04_CorrespondanceType_Classe_CISIS.tsv";
    try (InputStream in = TypeClassTable.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("ASS_X04 is not on the class path");
      }
      Map<String, Code> rows = new LinkedHashMap<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        rows.put(f[0] + "|" + f[1], new Code(f[4], f[3], f[5]));
      }
      return new TypeClassTable(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
