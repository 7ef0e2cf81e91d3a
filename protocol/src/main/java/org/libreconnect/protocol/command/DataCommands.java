package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.libreconnect.protocol.Base64Value;
import org.libreconnect.protocol.Required;

/**
 * Inputs and answers of the session-data and persistent-data commands (protocol spec section
 * 2.4). JS2 spells "Persistant" on the wire; the Java names use English.
 */
public final class DataCommands {
  private DataCommands() {}

  /** {@code hl_setSessionData}: creates an item, or updates it when an id is given. */
  public record SetSessionDataInput(
      @JsonProperty("s_sessionDataId") String sessionDataId,
      @Required @Base64Value @JsonProperty("s_sessionData64") String sessionData64) {}

  /** {@code hl_getSessionData} and {@code hl_removeSessionData}. */
  public record SessionDataIdInput(
      @Required @JsonProperty("s_sessionDataId") String sessionDataId) {}

  public record SessionDataIdAnswer(@JsonProperty("s_sessionDataId") String sessionDataId) {}

  public record SessionDataAnswer(@JsonProperty("s_sessionData64") String sessionData64) {}

  public record SessionDataSizeAnswer(@JsonProperty("i_sessionDataSize") long sessionDataSize) {}

  /**
   * Answer of {@code hl_getMaximumSessionDataSize}. The JS2 documentation names the key after
   * the command itself, most likely a typo; both keys are sent.
   */
  public record MaximumSessionDataSizeAnswer(
      @JsonProperty("i_maximumSessionDataSize") long maximumSessionDataSize,
      @JsonProperty("hl_getMaximumSessionDataSize") long documentedKey) {

    public MaximumSessionDataSizeAnswer(long maximum) {
      this(maximum, maximum);
    }
  }

  /** {@code hl_setPersistantData}: replaces the application's persistent data. */
  public record SetPersistentDataInput(
      @Required @Base64Value @JsonProperty("s_persistantData64") String persistentData64) {}

  public record PersistentDataAnswer(
      @JsonProperty("s_persistantData64") String persistentData64) {}

  public record PersistentDataSizeAnswer(
      @JsonProperty("i_persistantDataSize") long persistentDataSize) {}

  public record MaximumPersistentDataSizeAnswer(
      @JsonProperty("i_maximumPersistantDataSize") long maximumPersistentDataSize) {}
}
