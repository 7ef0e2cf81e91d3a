package org.libreconnect.dmp.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.libreconnect.protocol.command.DmpCommands.EventCode;

/** The {@code s_eventCodes} of hl_sendDocument: an array of event codes (objects also accepted). */
final class EventCodes {
  private EventCodes() {}

  static List<EventCode> of(JsonNode node) {
    List<EventCode> codes = new ArrayList<>();
    if (node == null || !node.isContainerNode()) {
      return codes;
    }
    node.elements().forEachRemaining(item -> {
      String code = item.path("s_code").asText("");
      if (!code.isEmpty()) {
        codes.add(new EventCode(item.path("s_classification").asText(""), code, item.path("s_description").asText("")));
      }
    });
    return codes;
  }
}
