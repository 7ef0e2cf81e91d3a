package org.libreconnect.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import org.libreconnect.protocol.ProductVersion;

/**
 * The OpenAPI 3.0 description of the server mode ({@code GET /openapi.json}), made from {@link
 * Operations} and the records of their inputs and answers, so it cannot drift from what runs.
 */
final class OpenApi {
  private OpenApi() {}

  static String document(ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    root.put("openapi", "3.0.3");
    ObjectNode info = root.putObject("info");
    info.put("title", "LibreConnect server mode");
    info.put("version", ProductVersion.current());
    info.put("description", "DMP transactions in indirect authentication and INSi searches with the"
        + " establishment's certificate. Each request names the professional in " + RequestIdentity.KEY
        + ".HP and the practice location in " + RequestIdentity.KEY + ".PracticeLocation.");
    ObjectNode schemes = root.putObject("components").putObject("securitySchemes");
    schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
    schemes.putObject("mutualTLS").put("type", "mutualTLS");
    ArrayNode security = root.putArray("security");
    security.addObject().putArray("bearer");
    security.addObject().putArray("mutualTLS");
    ObjectNode paths = root.putObject("paths");
    for (Operations.Operation<?> operation : Operations.all()) {
      ObjectNode post = paths.putObject("/" + operation.name()).putObject("post");
      post.put("operationId", operation.name());
      post.put("summary", operation.summary());
      post.put("description", "The JS2 command " + operation.js2Command()
          + (operation.reachesInsi() ? " with the establishment's certificate." : " in indirect mode."));
      ObjectNode body = schema(mapper, operation.input());
      body.with("properties").set(RequestIdentity.KEY, identitySchema(mapper));
      if (operation.reachesInsi()) {
        body.with("properties").putObject("s_insiUrl").put("type", "string");
      } else {
        body.with("properties").putObject("s_dmpUrl").put("type", "string");
        body.with("properties").putObject("i_accessMode").put("type", "integer");
      }
      body.withArray("required").add(RequestIdentity.KEY);
      post.putObject("requestBody").put("required", true).putObject("content")
          .putObject("application/json").set("schema", body);
      ObjectNode responses = post.putObject("responses");
      ObjectNode ok = schema(mapper, operation.answer());
      ok.with("properties").putObject("s_status").put("type", "string");
      responses.putObject("200").put("description", "done").putObject("content")
          .putObject("application/json").set("schema", ok);
      for (Map.Entry<String, String> status : Map.of("400", "invalid request (JS2 error answer)",
          "401", "no valid caller credential", "403", "operation not allowed for this caller",
          "502", "the DMP or INSi refused the request (JS2 error answer)", "503", "too many requests in progress or stopping",
          "504", "the request did not finish in time").entrySet()) {
        responses.putObject(status.getKey()).put("description", status.getValue());
      }
    }
    ObjectNode health = paths.putObject("/health").putObject("get");
    health.put("summary", "liveness").putObject("responses").putObject("200").put("description", "alive");
    health.putArray("security");
    ObjectNode ready = paths.putObject("/ready").putObject("get");
    ready.put("summary", "readiness (503 while stopping)").putObject("responses").putObject("200")
        .put("description", "ready");
    ready.putArray("security");
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode identitySchema(ObjectMapper mapper) {
    ObjectNode identity = mapper.createObjectNode().put("type", "object");
    ObjectNode hp = identity.with("properties").putObject("HP").put("type", "object");
    for (String key : new String[] {"s_name", "s_given", "s_codeProfession", "s_professionOid",
        "s_codeSpecialty", "s_functionCodeOid", "s_internalId", "s_serviceName"}) {
      hp.with("properties").putObject(key).put("type", "string");
    }
    hp.with("properties").putObject("i_internalIdType").put("type", "integer");
    hp.with("properties").putObject("i_authenticationMode").put("type", "integer");
    hp.putArray("required").add("s_name").add("s_internalId").add("s_codeProfession");
    ObjectNode location = identity.with("properties").putObject("PracticeLocation").put("type", "object");
    for (String key : new String[] {"s_name", "s_activitySector", "s_practiceSettings"}) {
      location.with("properties").putObject(key).put("type", "string");
    }
    location.putArray("required").add("s_activitySector");
    identity.putArray("required").add("HP").add("PracticeLocation");
    return identity;
  }

  /** The JSON schema of a record with its {@code @JsonProperty} names. */
  static ObjectNode schema(ObjectMapper mapper, Class<?> type) {
    ObjectNode schema = mapper.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null) {
          property = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        String name = property == null ? component.getName() : property.value();
        properties.set(name, typeSchema(mapper, component.getGenericType()));
      }
    }
    return schema;
  }

  private static ObjectNode typeSchema(ObjectMapper mapper, Type type) {
    if (type instanceof ParameterizedType parameterized
        && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
      ObjectNode array = mapper.createObjectNode().put("type", "array");
      array.set("items", typeSchema(mapper, parameterized.getActualTypeArguments()[0]));
      return array;
    }
    if (!(type instanceof Class<?> raw)) {
      return mapper.createObjectNode().put("type", "object");
    }
    if (raw == String.class) {
      return mapper.createObjectNode().put("type", "string");
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return mapper.createObjectNode().put("type", "integer");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return mapper.createObjectNode().put("type", "boolean");
    }
    if (raw == double.class || raw == Double.class) {
      return mapper.createObjectNode().put("type", "number");
    }
    if (raw.isRecord()) {
      return schema(mapper, raw);
    }
    return mapper.createObjectNode().put("type", "object");
  }
}
