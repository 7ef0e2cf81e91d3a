package org.libreconnect.dmp.transport;

import jakarta.xml.soap.AttachmentPart;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.configuration.security.ProxyAuthorizationPolicy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.ConnectionType;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.transports.http.configuration.ProxyServerType;
import org.libreconnect.pkcs11.tls.CardTlsPolicy;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Document;

/**
 * The DMP transport on Apache CXF: one JAX-WS {@code Dispatch<SOAPMessage>} (SOAP 1.2, message
 * mode) per service endpoint, kept for the life of the connector so that its HTTP client keeps
 * the TLS connection open between transactions: the card signs one handshake, not one per call.
 *
 * <p>TLS comes from the credentials' {@link SSLContext} (TLS 1.2 only, the card's authentication
 * key). A proxy is reached with CONNECT and, when a login is set, preemptive basic authentication.
 */
public final class CxfDmpTransport implements DmpTransport {
  static {
    // The JDK strips "Proxy-Authorization: Basic" from CONNECT requests unless this property is
    // emptied before its HTTP client first loads (docs/dmp.md, "Proxy"). The worker is a process
    // of its own whose only HTTP client is this one.
    if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
      System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
    }
  }

  private static final QName SERVICE = new QName("urn:libreconnect:dmp", "DmpService");
  private static final QName PORT = new QName("urn:libreconnect:dmp", "DmpPort");

  private final SSLContext tls;
  private final Optional<ProxySettings> proxy;
  private final Duration timeout;
  private final Map<String, Dispatch<SOAPMessage>> dispatches = new ConcurrentHashMap<>();
  private final MessageFactory messages;

  /**
   * @param tls the client context holding the card's authentication key
   * @param proxy the HTTP proxy, if any
   * @param timeout connection and answer timeout of each transaction
   */
  public CxfDmpTransport(SSLContext tls, Optional<ProxySettings> proxy, Duration timeout) {
    this.tls = Objects.requireNonNull(tls, "tls");
    this.proxy = Objects.requireNonNull(proxy, "proxy");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    try {
      this.messages = MessageFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL);
    } catch (SOAPException e) {
      throw new IllegalStateException("no SAAJ implementation for SOAP 1.2", e);
    }
  }

  @Override
  public SoapResponse exchange(SoapRequest request) {
    String url = request.endpoint().toString();
    Dispatch<SOAPMessage> dispatch = dispatches.computeIfAbsent(url, this::newDispatch);
    SOAPMessage message = toSoap(request);
    synchronized (dispatch) {
      // Never share CXF's HTTP client between conduits: each connector has its own card key.
      dispatch.getRequestContext().put("share.httpclient.http.conduit", Boolean.FALSE);
      dispatch.getRequestContext().put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
      dispatch.getRequestContext().put(BindingProvider.SOAPACTION_URI_PROPERTY, request.action());
      ((SOAPBinding) dispatch.getBinding()).setMTOMEnabled(!request.attachments().isEmpty());
      try {
        SOAPMessage answer = dispatch.invoke(message);
        return fromSoap(answer);
      } catch (SOAPFaultException e) {
        throw fault(e.getFault());
      } catch (WebServiceException e) {
        throw new TransportException(url, httpStatus(e), describe(e), e);
      }
    }
  }

  @Override
  public void close() {
    for (Dispatch<SOAPMessage> dispatch : dispatches.values()) {
      Client client = ((DispatchImpl<?>) dispatch).getClient();
      client.destroy();
    }
    dispatches.clear();
  }

  private Dispatch<SOAPMessage> newDispatch(String url) {
    Service service = Service.create(SERVICE);
    service.addPort(PORT, SOAPBinding.SOAP12HTTP_BINDING, url);
    Dispatch<SOAPMessage> dispatch =
        service.createDispatch(PORT, SOAPMessage.class, Service.Mode.MESSAGE);
    HTTPConduit conduit = (HTTPConduit) ((DispatchImpl<?>) dispatch).getClient().getConduit();

    TLSClientParameters parameters = new TLSClientParameters();
    parameters.setSslContext(tls);
    parameters.setSecureSocketProtocol(CardTlsPolicy.PROTOCOL);
    conduit.setTlsClientParameters(parameters);

    HTTPClientPolicy policy = new HTTPClientPolicy();
    policy.setConnectionTimeout(timeout.toMillis());
    policy.setReceiveTimeout(timeout.toMillis());
    policy.setConnection(ConnectionType.KEEP_ALIVE);
    policy.setAllowChunking(false);
    policy.setVersion("1.1");
    proxy.ifPresent(
        p -> {
          policy.setProxyServer(p.host());
          policy.setProxyServerPort(p.port());
          policy.setProxyServerType(ProxyServerType.HTTP);
          if (p.login().isPresent()) {
            ProxyAuthorizationPolicy authorization = new ProxyAuthorizationPolicy();
            authorization.setAuthorizationType("Basic");
            authorization.setUserName(p.login().get());
            authorization.setPassword(p.password().orElse(""));
            conduit.setProxyAuthorization(authorization);
          }
        });
    conduit.setClient(policy);
    return dispatch;
  }

  private SOAPMessage toSoap(SoapRequest request) {
    try {
      SOAPMessage message = messages.createMessage();
      message.getSOAPPart().setContent(new DOMSource(request.envelope()));
      for (Attachment attachment : request.attachments()) {
        AttachmentPart part = message.createAttachmentPart();
        part.setRawContentBytes(
            attachment.content(), 0, attachment.content().length, attachment.mimeType());
        part.setContentId("<" + attachment.contentId() + ">");
        message.addAttachmentPart(part);
      }
      message.saveChanges();
      return message;
    } catch (SOAPException e) {
      throw new IllegalStateException("cannot build the SOAP message", e);
    }
  }

  private static SoapResponse fromSoap(SOAPMessage answer) {
    try {
      Document envelope = Xml.parse(Xml.toBytes(answer.getSOAPPart().getEnvelope()));
      List<Attachment> attachments = new ArrayList<>();
      Iterator<AttachmentPart> parts = answer.getAttachments();
      while (parts.hasNext()) {
        AttachmentPart part = parts.next();
        String id = part.getContentId() == null ? "" : part.getContentId();
        String type = part.getContentType() == null ? "application/octet-stream" : part.getContentType();
        attachments.add(new Attachment(id.replace("<", "").replace(">", ""), type, part.getRawContentBytes()));
      }
      return new SoapResponse(envelope, attachments);
    } catch (SOAPException e) {
      throw new IllegalStateException("cannot read the DMP answer: " + e.getMessage(), e);
    }
  }

  private static SoapFaultException fault(SOAPFault fault) {
    String code = fault.getFaultCodeAsQName() == null ? "" : qualified(fault.getFaultCodeAsQName());
    String subcode = "";
    try {
      Iterator<QName> subcodes = fault.getFaultSubcodes();
      if (subcodes.hasNext()) {
        subcode = subcodes.next().getLocalPart();
      }
    } catch (UnsupportedOperationException e) {
      subcode = "";
    }
    String reason = fault.getFaultString() == null ? "" : fault.getFaultString().strip();
    return new SoapFaultException(code, subcode, reason, Xml.toBytes(fault));
  }

  private static String qualified(QName name) {
    String prefix = name.getPrefix() == null || name.getPrefix().isEmpty() ? "soap" : name.getPrefix();
    return prefix + ":" + name.getLocalPart();
  }

  private static int httpStatus(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HTTPException http) {
        return http.getResponseCode();
      }
    }
    return 0;
  }

  private static String describe(WebServiceException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
