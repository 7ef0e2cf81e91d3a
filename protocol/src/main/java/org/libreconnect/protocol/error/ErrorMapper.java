package org.libreconnect.protocol.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where a failure becomes a JS2 error answer. Typed {@link ConnectorException}s
 * carry their own kind; JSON binding failures become "invalid parameter" errors naming the key;
 * anything else is a technical error whose answer names the failure class but not its message,
 * which may hold data the client did not send.
 */
public final class ErrorMapper {

  /** Maps {@code failure}, raised while serving {@code commandName} (may be null), to an answer. */
  public ErrorAnswer toAnswer(Throwable failure, String commandName) {
    return ErrorAnswer.of(
        kindOf(failure), describe(failure), commandName, extendedInformation(failure));
  }

  /** Same mapping, as the typed exception that would have produced the answer. */
  public ConnectorException toConnectorException(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ConnectorException connector) {
      return connector;
    }
    if (cause instanceof JsonMappingException mapping) {
      return invalidParameter(mapping);
    }
    if (cause instanceof JsonProcessingException) {
      return new InvalidJsonException("The command is not valid JSON");
    }
    if (cause instanceof java.util.concurrent.TimeoutException) {
      return new TechnicalException(
          "The connector did not complete the operation in time; try again in a moment", "", cause);
    }
    return new TechnicalException(
        "Internal error (" + cause.getClass().getSimpleName() + ")", "", cause);
  }

  private ErrorKind kindOf(Throwable failure) {
    return toConnectorException(failure).kind();
  }

  private String describe(Throwable failure) {
    return toConnectorException(failure).getMessage();
  }

  private String extendedInformation(Throwable failure) {
    return toConnectorException(failure).extendedInformation();
  }

  private static InvalidParameterException invalidParameter(JsonMappingException mapping) {
    String key = "";
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        key = key.isEmpty() ? reference.getFieldName() : key + "." + reference.getFieldName();
      } else if (reference.getIndex() >= 0) {
        key = key + "[" + reference.getIndex() + "]";
      }
    }
    return new InvalidParameterException(key.isEmpty() ? "(body)" : key, ruleFor(key));
  }

  private static String ruleFor(String key) {
    int dot = key.lastIndexOf('.');
    String leaf = dot >= 0 ? key.substring(dot + 1) : key;
    if (leaf.startsWith("i_")) {
      return "must be an integer";
    }
    if (leaf.startsWith("f_")) {
      return "must be a number";
    }
    if (leaf.startsWith("s_")) {
      return "must be a string";
    }
    return "has the wrong type";
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
