package org.libreconnect.protocol.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.libreconnect.protocol.Status;

/** The answer a client receives when a command fails, with the exact JS2 key names. */
@JsonPropertyOrder({
  "s_status",
  "s_errorDescription",
  "i_apiErrorType",
  "s_apiErrorTypeDescription",
  "i_apiErrorCode",
  "s_apiErrorDescription",
  "s_apiErrorContext",
  "s_apiErrorExtendedInformations"
})
public record ErrorAnswer(
    @JsonProperty("s_status") Status status,
    @JsonProperty("s_errorDescription") String errorDescription,
    @JsonProperty("i_apiErrorType") int apiErrorType,
    @JsonProperty("s_apiErrorTypeDescription") String apiErrorTypeDescription,
    @JsonProperty("i_apiErrorCode") int apiErrorCode,
    @JsonProperty("s_apiErrorDescription") String apiErrorDescription,
    @JsonProperty("s_apiErrorContext") String apiErrorContext,
    @JsonProperty("s_apiErrorExtendedInformations") String apiErrorExtendedInformations) {

  /** Builds the answer for a failure of the given kind. */
  public static ErrorAnswer of(
      ErrorKind kind, String description, String context, String extendedInformation) {
    return new ErrorAnswer(
        kind.status(),
        description,
        kind.type(),
        kind.typeDescription(),
        kind.code(),
        description,
        context == null ? "" : context,
        extendedInformation == null ? "" : extendedInformation);
  }
}
