package org.libreconnect.worker;

/**
 * Serves one client command that has a single answer. Failures are thrown as exceptions and become
 * error answers in one place.
 *
 * @param <I> the command's input record, as listed in the catalogue
 */
@FunctionalInterface
public interface CommandHandler<I extends Record> {

  /** Serves the command; returns the answer record, or null for a bare {@code s_status} OK. */
  Object handle(SessionContext session, I input);
}
