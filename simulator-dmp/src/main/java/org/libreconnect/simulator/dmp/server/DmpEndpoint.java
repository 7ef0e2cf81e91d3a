package org.libreconnect.simulator.dmp.server;

import jakarta.annotation.Resource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPBinding;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.libreconnect.simulator.dmp.DmpDispatcher;
import org.libreconnect.simulator.dmp.soap.ClientIdentity;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;

/**
 * One DMP service as a CXF {@code Provider<SOAPMessage>} (SOAP 1.2, whole messages, no WSDL):
 * hands the request and the TLS client's identity to the dispatcher, answers HTTP 500 for faults.
 */
@WebServiceProvider(serviceName = "DmpSimulatorService",
    targetNamespace = "urn:libreconnect:simulator:dmp", portName = "DmpSimulatorPort")
@ServiceMode(Service.Mode.MESSAGE)
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public final class DmpEndpoint implements Provider<SOAPMessage> {
  private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  private final DmpService service;
  private final DmpDispatcher dispatcher;

  @Resource private WebServiceContext context;

  /** The endpoint of {@code service}, answering through {@code dispatcher}. */
  public DmpEndpoint(DmpService service, DmpDispatcher dispatcher) {
    this.service = service;
    this.dispatcher = dispatcher;
  }

  @Override
  public SOAPMessage invoke(SOAPMessage request) {
    MessageContext messageContext = context.getMessageContext();
    try {
      DmpResponse response = dispatcher.dispatch(
          SoapMessages.request(request, service, client(messageContext)));
      if (response.fault()) {
        messageContext.put(MessageContext.HTTP_RESPONSE_CODE, 500);
      }
      return SoapMessages.message(response);
    } catch (SOAPException e) {
      throw new WebServiceException("cannot convert a SOAP message", e);
    }
  }

  private static Optional<ClientIdentity> client(MessageContext messageContext) {
    if (messageContext.get(MessageContext.SERVLET_REQUEST) instanceof HttpServletRequest http
        && http.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain
        && chain.length > 0) {
      return Optional.of(ClientIdentity.of(chain[0]));
    }
    return Optional.empty();
  }
}
