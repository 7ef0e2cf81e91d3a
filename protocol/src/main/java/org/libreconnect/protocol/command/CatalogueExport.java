package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes the command catalogue as the JSON file the JavaScript client's tests compare their
 * command table with ({@code clients/js/test/java-catalogue.json}): one entry per command with its
 * name, whether it needs a session, whether it is persistent, and the wire keys its input record
 * binds. The catalogue is the single source of truth; the JS table and its declarations are
 * checked against this export, and a test of this module fails when the export is stale.
 *
 * <p>Regenerate with {@code ./mvnw -pl protocol test -Dtest=JsCatalogueExportTest
 * -Dcatalogue.update=true}.
 */
public final class CatalogueExport {
  private CatalogueExport() {}

  /** The export of {@code catalogue}, as JSON text (stable order: catalogue order, sorted keys). */
  public static String json(CommandCatalogue catalogue) {
    StringBuilder out = new StringBuilder("[\n");
    List<String> entries = new ArrayList<>();
    for (CommandSpec spec : catalogue.all()) {
      StringBuilder entry = new StringBuilder("  {");
      entry.append("\"command\": \"").append(spec.name()).append("\", ");
      entry.append("\"session\": ").append(spec.needsSession()).append(", ");
      entry.append("\"persistent\": ").append(spec.persistent()).append(", ");
      entry.append("\"inputKeys\": [");
      List<String> keys = new ArrayList<>();
      for (String key : inputKeys(spec.inputType())) {
        keys.add("\"" + key + "\"");
      }
      entry.append(String.join(", ", keys)).append("]}");
      entries.add(entry.toString());
    }
    out.append(String.join(",\n", entries)).append("\n]\n");
    return out.toString();
  }

  /** The wire keys {@code inputType} binds, sorted. */
  static TreeSet<String> inputKeys(Class<? extends Record> inputType) {
    TreeSet<String> keys = new TreeSet<>();
    for (var component : inputType.getRecordComponents()) {
      JsonProperty property = component.getAnnotation(JsonProperty.class);
      if (property == null) {
        property = component.getAccessor().getAnnotation(JsonProperty.class);
      }
      keys.add(property != null ? property.value() : component.getName());
    }
    return keys;
  }
}
