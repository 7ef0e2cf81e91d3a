package org.libreconnect.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.protocol.error.InvalidJsonException;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.MissingParameterException;
import org.libreconnect.protocol.error.TechnicalException;

/**
 * Reads and writes JS2 frames. Input is lenient as real clients need (numbers as strings in
 * {@code i_} fields, unknown keys ignored, {@code null} as absent); output puts {@code s_status}
 * first and leaves out absent values.
 */
public final class WireJson {
  /** Longest string value accepted: base64 documents travel inside JSON strings. */
  private static final int MAX_STRING_CHARS = 768 * 1024 * 1024;

  private static final String OK_FIRST = "{\"" + Wire.STATUS + "\":\"" + Status.OK.name() + "\"";
  private static final String OK_ONLY = OK_FIRST + "}";

  private final ObjectMapper mapper;

  /**
   * Whether a type is written as an object of fixed properties, none named {@code s_status}, so
   * that {@link #ok} can put its text after the status as it is (a map, a tree, a type with a
   * {@code @JsonValue}, {@code @JsonAnyGetter} or serialiser of its own, or one that unwraps such
   * a value, goes through a tree).
   */
  private final ClassValue<Boolean> writtenAsFields =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          if (java.util.Map.class.isAssignableFrom(type)
              || JsonNode.class.isAssignableFrom(type)
              || Iterable.class.isAssignableFrom(type)
              || type.isArray()
              || type.getName().startsWith("java.")) {
            return false;
          }
          var description =
              mapper.getSerializationConfig().introspect(mapper.constructType(type));
          if (description.getClassAnnotations()
                  .has(com.fasterxml.jackson.databind.annotation.JsonSerialize.class)
              || description.findJsonValueAccessor() != null
              || description.findAnyGetter() != null) {
            return false;
          }
          for (var property : description.findProperties()) {
            if (property.getName().equals(Wire.STATUS)) {
              return false;
            }
            var member = property.getPrimaryMember();
            if (member != null
                && member.hasAnnotation(com.fasterxml.jackson.annotation.JsonUnwrapped.class)
                && (member.getRawType() == type || !get(member.getRawType()))) {
              return false; // the fields of an unwrapped value count as the answer's own
            }
          }
          return true;
        }
      };

  public WireJson() {
    SimpleModule lenient = new SimpleModule("js2-lenient");
    lenient.addDeserializer(Integer.class, new LenientIntegerDeserializer());
    lenient.addDeserializer(int.class, new LenientIntegerDeserializer());
    JsonMapper jsonMapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(MapperFeature.AUTO_DETECT_GETTERS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(lenient)
            .build();
    jsonMapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build());
    this.mapper = jsonMapper;
  }

  /** The configured mapper, for callers that build their own JSON trees. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Parses one client frame into its envelope.
   *
   * @throws InvalidJsonException when the text is not exactly one JSON object
   * @throws MissingParameterException when {@code s_commandName} is missing or empty
   * @throws InvalidParameterException when {@code s_commandName} or {@code s_sessionId} is not a
   *     string
   */
  public CommandEnvelope parseCommand(String text) {
    JsonNode root;
    try (JsonParser parser = mapper.createParser(text)) {
      root = mapper.readTree(parser);
      if (root != null && parser.nextToken() != null) {
        throw new InvalidJsonException("The frame holds more than one JSON value");
      }
    } catch (JsonProcessingException e) {
      throw new InvalidJsonException(
          "The command is not valid JSON", jsonProblem(e), null);
    } catch (java.io.IOException e) {
      throw new InvalidJsonException("The command could not be read", e.getMessage(), e);
    }
    if (!(root instanceof ObjectNode body)) {
      throw new InvalidJsonException("The command must be a JSON object");
    }
    String name = optionalString(body, Wire.COMMAND_NAME);
    if (name == null) {
      throw new MissingParameterException(Wire.COMMAND_NAME);
    }
    return new CommandEnvelope(name, optionalString(body, Wire.SESSION_ID), body);
  }

  /**
   * Binds a command body to its typed input record and checks {@link Required} and {@link
   * Base64Value} components.
   */
  public <T extends Record> T readInput(ObjectNode body, Class<T> type) {
    T input;
    try {
      input = mapper.treeToValue(body, type);
    } catch (JsonProcessingException e) {
      throw new org.libreconnect.protocol.error.ErrorMapper().toConnectorException(e);
    }
    InputChecks.of(type).check(input);
    return input;
  }

  /** Serialises a successful answer: {@code {"s_status":"OK", ...fields of answer}}. */
  public String ok(Object answer) {
    if (answer != null && writtenAsFields.get(answer.getClass())) {
      // The answer's own text after the status: the same bytes as through a tree, without one
      String fields = write(answer);
      if (fields.equals("{}")) {
        return OK_ONLY;
      }
      if (fields.startsWith("{")) {
        return OK_FIRST + "," + fields.substring(1);
      }
    }
    return write(okNode(answer));
  }

  /** Same as {@link #ok(Object)}, as a tree. */
  public ObjectNode okNode(Object answer) {
    ObjectNode node = mapper.createObjectNode();
    node.put(Wire.STATUS, Status.OK.name());
    if (answer != null) {
      JsonNode fields = mapper.valueToTree(answer);
      if (fields instanceof ObjectNode object) {
        object.remove(Wire.STATUS);
        node.setAll(object);
      }
    }
    return node;
  }

  /** Serialises an error answer. */
  public String error(ErrorAnswer answer) {
    return write(answer);
  }

  /** Serialises any value with the wire settings. */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new TechnicalException("Could not serialise an answer", "", e);
    }
  }

  /** Parses a JSON object produced by this connector (for example on the worker link). */
  public ObjectNode readObject(String text) {
    try {
      JsonNode node = mapper.readTree(text);
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new InvalidJsonException("Expected a JSON object");
    } catch (JsonProcessingException e) {
      throw new InvalidJsonException("Invalid JSON", jsonProblem(e), null);
    }
  }

  private static String optionalString(ObjectNode body, String key) {
    JsonNode value = body.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidParameterException(key, "must be a string");
    }
    String text = value.asText();
    return text.isEmpty() ? null : text;
  }

  private static String jsonProblem(JsonProcessingException e) {
    // Only the position: the parser's own message quotes the input, which could hold a PIN.
    var location = e.getLocation();
    if (location == null) {
      return "";
    }
    return "syntax error at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
