package org.libreconnect.dmp.transport;

/**
 * Sends DMP SOAP requests over mutual TLS and returns the answers. Implementations keep their
 * connections open between transactions. A SOAP fault comes back as {@link SoapFaultException};
 * network, TLS, proxy and timeout failures as {@link TransportException}.
 */
public interface DmpTransport extends AutoCloseable {

  /** Sends {@code request} and waits for its answer. */
  SoapResponse exchange(SoapRequest request);

  /** Closes the connections. */
  @Override
  void close();
}
