package org.libreconnect.worker;

/**
 * Starts a persistent (monitoring) command: checks the input and says which events to push after
 * the acknowledgement.
 *
 * @param <I> the command's input record, as listed in the catalogue
 */
@FunctionalInterface
public interface StreamHandler<I extends Record> {

  /**
   * Returns the events to push; throwing here answers with an error and sends no acknowledgement.
   */
  StreamEvents open(SessionContext session, I input);
}
