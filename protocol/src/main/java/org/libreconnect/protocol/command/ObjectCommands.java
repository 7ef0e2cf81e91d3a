package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.libreconnect.protocol.Required;

/**
 * Inputs and answers of the object inspection commands and the low-level API passthrough (spec
 * 2.5), and their catalogue entries. The command name is the C function's; each C parameter is a
 * key with its type prefix; the session's error object stands for the trailing error handle.
 */
public final class ObjectCommands {
  private ObjectCommands() {}

  /** Adds this group's commands to {@code catalogue}. */
  static void addTo(CommandCatalogue.Builder catalogue) {
    catalogue.worker("hl_getObjectParameters", ObjectParametersInput.class);
    catalogue.worker("getParameterString", GlobalParameterInput.class);
    catalogue.worker("getParameterStringSize", GlobalParameterInput.class);
    catalogue.worker("getParameterInt", GlobalParameterInput.class);
    catalogue.worker("getObjectParameterString", ObjectParameterInput.class);
    catalogue.worker("getObjectParameterStringSize", ObjectParameterInput.class);
    catalogue.worker("getObjectParameterInt", ObjectParameterInput.class);
    catalogue.worker("getObjectParameterFloat", ObjectParameterInput.class);
    catalogue.worker("getObjectFromList", ListPositionInput.class);
    catalogue.worker("getListSize", ListInput.class);
    catalogue.worker("copyObjectFromList", ListPositionInput.class);
    catalogue.worker("handleExists", HandleInput.class);
    catalogue.worker("checkValidity", HandleInput.class);
    catalogue.worker("getHandleType", HandleInput.class);
    catalogue.worker("createObject", CreateObjectInput.class);
    catalogue.worker("releaseObject", HandleInput.class);
    catalogue.worker("releaseList", ListInput.class);
    catalogue.worker("releaseErrorObject", ErrorObjectInput.class);
  }

  /**
   * {@code hl_getObjectParameters}: the object {@code i_objectHandle}, whole, or only the ids of
   * the maps ({@code {"Id0": 51, "Id1": 52}}); {@code stringBase64Ids} answers those strings in
   * base64.
   */
  public record ObjectParametersInput(
      @Required @JsonProperty("i_objectHandle") Integer objectHandle,
      @JsonProperty("stringIds") JsonNode stringIds,
      @JsonProperty("stringBase64Ids") JsonNode stringBase64Ids,
      @JsonProperty("integerIds") JsonNode integerIds,
      @JsonProperty("floatIds") JsonNode floatIds) {

    /** Whether no id map was given: the whole object is wanted. */
    public boolean wantsAll() {
      return absent(stringIds) && absent(stringBase64Ids) && absent(integerIds) && absent(floatIds);
    }

    private static boolean absent(JsonNode node) {
      return node == null || node.isNull();
    }
  }

  /** {@code getParameterString}, {@code getParameterStringSize}, {@code getParameterInt}. */
  public record GlobalParameterInput(
      @Required @JsonProperty("i_globalParameter") Integer globalParameter,
      @JsonProperty("i_resultInBase64") Integer resultInBase64) {}

  /**
   * {@code getObjectParameterString/StringSize/Int/Float}: parameter {@code i_parameter} of object
   * {@code i_object}. The JS2 documentation names the parameter {@code i_globalParameter} for
   * {@code getObjectParameterStringSize}; that key is accepted in place of {@code i_parameter}.
   */
  public record ObjectParameterInput(
      @JsonProperty("i_parameter") Integer parameter,
      @JsonProperty("i_globalParameter") Integer globalParameter,
      @Required @JsonProperty("i_object") Integer object,
      @JsonProperty("i_resultInBase64") Integer resultInBase64) {

    /** {@code i_parameter}, else {@code i_globalParameter}; null when neither was sent. */
    public Integer parameterId() {
      return parameter != null ? parameter : globalParameter;
    }
  }

  /** {@code getObjectFromList}, {@code copyObjectFromList}. */
  public record ListPositionInput(
      @Required @JsonProperty("i_list") Integer list,
      @Required @JsonProperty("i_position") Integer position) {}

  /** {@code getListSize}, {@code releaseList}. */
  public record ListInput(@Required @JsonProperty("i_list") Integer list) {}

  /** {@code handleExists}, {@code checkValidity}, {@code getHandleType}, {@code releaseObject}. */
  public record HandleInput(@Required @JsonProperty("i_handle") Integer handle) {}

  /** {@code createObject}: a new empty object of HandleType {@code i_type}. */
  public record CreateObjectInput(@Required @JsonProperty("i_type") Integer type) {}

  /** {@code releaseErrorObject}: the session's error object (the only one a client can name). */
  public record ErrorObjectInput(@JsonProperty("i_error") Integer error) {}

  /** The C function's integer result. */
  public record IntegerResult(@JsonProperty("i_returnValue") int returnValue) {}

  /** The C function's float result. */
  public record FloatResult(@JsonProperty("f_returnValue") double returnValue) {}

  /**
   * A string result: the text (or its base64 when {@code i_resultInBase64} is 1) and its size in
   * UTF-8 bytes, as a decimal string (the key's {@code s_} prefix).
   */
  public record StringResult(
      @JsonProperty("s_utf8String") String utf8String,
      @JsonProperty("s_utf8StringSize") String utf8StringSize) {}
}
