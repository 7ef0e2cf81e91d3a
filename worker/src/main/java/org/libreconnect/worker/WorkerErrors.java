package org.libreconnect.worker;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.protocol.error.ErrorMapper;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.TechnicalException;
import org.libreconnect.worker.data.DataTooLargeException;
import org.libreconnect.worker.data.PersistentDataAccessException;
import org.libreconnect.worker.data.UnknownSessionDataException;
import org.libreconnect.worker.dates.InvalidDateException;

/**
 * The one place where the worker's own exceptions become protocol exceptions, before the protocol's
 * {@link ErrorMapper} turns them into JS2 answers.
 */
public final class WorkerErrors {
  private final ErrorMapper mapper = new ErrorMapper();

  /** The JS2 answer for {@code failure}, raised while serving {@code commandName} (may be null). */
  public ErrorAnswer toAnswer(Throwable failure, String commandName) {
    return mapper.toAnswer(translate(failure), commandName);
  }

  /** The protocol exception standing for a worker exception; other failures pass unchanged. */
  static Throwable translate(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof DataTooLargeException e) {
      return new FunctionalException(
          "Data too large: " + e.getMessage(), "limit: " + e.limitBytes() + " bytes", e);
    }
    if (cause instanceof UnknownSessionDataException e) {
      return new FunctionalException("Unknown session data: " + e.getMessage(), "", e);
    }
    if (cause instanceof InvalidDateException) {
      // The value is not repeated: the rule is enough, and answers never echo inputs.
      return new InvalidParameterException(
          "s_date", "must be a date as YYMMDD, DDMMYYYY or YYYYMMDD");
    }
    if (cause instanceof PersistentDataAccessException e) {
      // The message names files of the installation; it goes to the log, not to the client.
      return new TechnicalException("The persistent data could not be read or written", "", e);
    }
    // DMP failures first: a card failure during the DMP handshake comes out as a card exception.
    cause = org.libreconnect.dmp.errors.DmpErrors.translate(cause);
    Throwable card = org.libreconnect.worker.card.CardErrors.translate(cause);
    if (card != cause) {
      return card;
    }
    return cause;
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
