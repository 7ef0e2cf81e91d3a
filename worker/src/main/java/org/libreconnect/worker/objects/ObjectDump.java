package org.libreconnect.worker.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import org.libreconnect.protocol.command.ObjectCommands.ObjectParametersInput;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.objects.ObjectParameter;
import org.libreconnect.protocol.objects.ParameterKind;
import org.libreconnect.worker.SessionContext;

/**
 * The answer of {@code hl_getObjectParameters}: the object's parameters keyed by their numeric ids
 * (as strings), plus {@code handleId} and {@code type}. A whole dump shows the objects its handle
 * parameters name, and lists as {@code {handleId, list: [...], type: 2}}, down to {@link
 * #MAX_DEPTH} levels; a dump of chosen ids answers handles as numbers.
 */
final class ObjectDump {
  static final int MAX_DEPTH = 4;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectRegistry registry;

  ObjectDump(ObjectRegistry registry) {
    this.registry = registry;
  }

  ObjectNode answer(SessionContext session, ObjectParametersInput input) {
    SessionObject object = registry.get(session, input.objectHandle(), "i_objectHandle");
    if (input.wantsAll()) {
      return whole(session, object, 0);
    }
    ObjectNode node = JSON.objectNode();
    chosen(node, object, input.stringIds(), "stringIds", false);
    chosen(node, object, input.stringBase64Ids(), "stringBase64Ids", true);
    chosen(node, object, input.integerIds(), "integerIds", false);
    chosen(node, object, input.floatIds(), "floatIds", false);
    node.put("handleId", object.handle());
    node.put("type", object.type().id());
    return node;
  }

  private ObjectNode whole(SessionContext session, SessionObject object, int depth) {
    ObjectNode node = JSON.objectNode();
    node.put("handleId", object.handle());
    node.put("type", object.type().id());
    if (object.type() == org.libreconnect.protocol.objects.HandleType.LIST) {
      ArrayNode list = node.putArray("list");
      for (int item : object.items()) {
        registry.find(session, item).ifPresent(found -> list.add(nested(session, found, depth)));
      }
      return node;
    }
    for (Map.Entry<ObjectParameter, Object> entry : object.values().entrySet()) {
      String key = Integer.toString(entry.getKey().id());
      Object value = entry.getValue();
      if (entry.getKey().kind() == ParameterKind.HANDLE && value instanceof Integer handle && handle != 0) {
        registry.find(session, handle).ifPresentOrElse(
            found -> node.set(key, nested(session, found, depth)), () -> node.put(key, handle));
      } else {
        put(node, key, value, false);
      }
    }
    return node;
  }

  private JsonNode nested(SessionContext session, SessionObject object, int depth) {
    return depth + 1 >= MAX_DEPTH ? JSON.numberNode(object.handle()) : whole(session, object, depth + 1);
  }

  /** The ids of one map ({@code {"Id0": 51, ...}}), each required to be of the map's kind. */
  private static void chosen(ObjectNode node, SessionObject object, JsonNode ids, String key, boolean base64) {
    if (ids == null || ids.isNull()) {
      return;
    }
    if (!ids.isObject() && !ids.isArray()) {
      throw new InvalidParameterException(key, "must map names to parameter ids");
    }
    for (Iterator<JsonNode> it = ids.elements(); it.hasNext(); ) {
      JsonNode id = it.next();
      boolean number = id.isIntegralNumber() && id.canConvertToInt();
      if (!number && !(id.isTextual() && id.asText().matches("\\d{1,9}"))) {
        throw new InvalidParameterException(key, "must map names to parameter ids");
      }
      ObjectParameter parameter = ObjectValues.parameter(object, id.asInt(), key);
      boolean wantsString = key.startsWith("string");
      boolean wantsFloat = key.equals("floatIds");
      ParameterKind kind = parameter.kind();
      if (wantsString != (kind == ParameterKind.STRING)
          || wantsFloat != (kind == ParameterKind.FLOAT)) {
        throw new InvalidParameterException(key, "names a parameter of another type");
      }
      put(node, Integer.toString(parameter.id()), object.values().get(parameter), base64);
    }
  }

  private static void put(ObjectNode node, String key, Object value, boolean base64) {
    switch (value) {
      case String text -> node.put(key, base64
          ? Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) : text);
      case Integer number -> node.put(key, number);
      case Double number -> node.put(key, number);
      default -> node.putNull(key);
    }
  }
}
