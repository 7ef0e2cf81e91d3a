package org.libreconnect.simulator.dmp.transaction;

import org.libreconnect.simulator.dmp.soap.DmpException;

/** Serves one DMP transaction once the request's envelope and VIHF are accepted. */
public interface TransactionHandler {
  /**
   * The answer to {@code context}'s request.
   *
   * @throws DmpException when the request is refused
   */
  Answer handle(TransactionContext context);
}
