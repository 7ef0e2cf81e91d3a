package org.libreconnect.dmp.transport;

import java.time.Duration;
import org.libreconnect.dmp.TransactionDump;

/** A transport that writes each request and its outcome to the {@link TransactionDump}. */
public final class DumpingTransport implements DmpTransport {
  private static final Duration FLUSH = Duration.ofSeconds(5);

  private final DmpTransport delegate;
  private final TransactionDump dump;

  public DumpingTransport(DmpTransport delegate, TransactionDump dump) {
    this.delegate = delegate;
    this.dump = dump;
  }

  @Override
  public SoapResponse exchange(SoapRequest request) {
    String name = dump.newName(request.transaction());
    dump.request(name, request.endpoint().toString(), request.action(), request.envelope(), request.attachments());
    try {
      SoapResponse response = delegate.exchange(request);
      dump.response(name, response.envelope(), response.attachments());
      return response;
    } catch (SoapFaultException e) {
      dump.fault(name, e.faultXml());
      throw e;
    } catch (RuntimeException e) {
      dump.failure(name, e.getMessage());
      throw e;
    }
  }

  @Override
  public void close() {
    delegate.close();
    TransactionDump.flush(FLUSH);
  }
}
