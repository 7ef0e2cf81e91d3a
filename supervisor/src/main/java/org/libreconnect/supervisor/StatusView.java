package org.libreconnect.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** What the Status tab shows, read from the master's {@code /status.json}. */
public record StatusView(
    boolean reachable,
    String version,
    boolean simulation,
    int activeSessions,
    int workers,
    String certificateExpiresAt,
    List<String> readers,
    List<String> failedChecks,
    String configFile,
    String logDirectory) {

  /** The connector did not answer. */
  public static StatusView unreachable() {
    return new StatusView(false, "", false, 0, 0, "", List.of(), List.of(), "", "");
  }

  public static StatusView parse(String json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      if (!root.has("version")) {
        return unreachable();
      }
      JsonNode support = root.path("support");
      List<String> readers = new ArrayList<>();
      support.path("readers").forEach(r -> readers.add(r.asText()));
      List<String> failed = new ArrayList<>();
      support.path("checks").forEach(c -> {
        if ("FAILED".equals(c.path("outcome").asText())) {
          failed.add(c.path("name").asText() + ": " + c.path("detail").asText() + " — " + c.path("remedy").asText());
        }
      });
      return new StatusView(true, root.path("version").asText(), root.path("simulation").asBoolean(),
          root.path("activeSessions").asInt(), root.path("workers").size(),
          root.path("certificateExpiresAt").asText(), readers, failed,
          support.path("configFile").asText(), support.path("logDirectory").asText());
    } catch (java.io.IOException e) {
      return unreachable();
    }
  }

  /** The mode as support staff say it. */
  public String mode() {
    return simulation ? "simulation" : "production";
  }
}
