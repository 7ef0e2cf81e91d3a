package org.libreconnect.simulator.dmp.transaction;

import java.time.Instant;
import java.util.Objects;
import org.libreconnect.simulator.dmp.soap.DmpRequest;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.vihf.Vihf;
import org.w3c.dom.Element;

/**
 * One accepted request, as a handler sees it.
 *
 * @param transaction which transaction it is
 * @param body the request's body root
 * @param vihf the validated VIHF
 * @param request the whole request (attachments, TLS identity)
 * @param now the simulator's clock at reception
 */
public record TransactionContext(
    Transaction transaction, Element body, Vihf vihf, DmpRequest request, Instant now) {

  public TransactionContext {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(vihf, "vihf");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(now, "now");
  }
}
