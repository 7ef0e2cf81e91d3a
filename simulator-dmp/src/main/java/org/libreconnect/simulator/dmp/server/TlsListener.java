package org.libreconnect.simulator.dmp.server;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.libreconnect.simulator.dmp.DmpDispatcher;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.pki.ServerCredentials;

/**
 * One HTTPS listener of the simulated DMP on 127.0.0.1: TLS 1.2 only, the DMP's four ECDHE_RSA
 * suites, a client certificate required and checked against {@code trusted} only. Embedded Jetty
 * runs CXF's servlet transport, which publishes one {@link DmpEndpoint} per service; Jetty rather
 * than CXF's Jetty engine factory because each listener needs its own TLS settings on an
 * ephemeral port.
 */
public final class TlsListener implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  private final Server server;
  private final ServerConnector connector;
  private final Bus bus;
  private final ServiceTimes times;

  private TlsListener(Server server, ServerConnector connector, Bus bus, ServiceTimes times) {
    this.server = server;
    this.connector = connector;
    this.bus = bus;
    this.times = times;
  }

  /**
   * Starts a listener on {@code port} (0: any free port) presenting {@code credentials}, trusting
   * client certificates issued under {@code trusted}, answering through {@code dispatcher}.
   */
  public static TlsListener start(String name, int port, ServerCredentials credentials,
      List<X509Certificate> trusted, DmpDispatcher dispatcher) throws Exception {
    SSLContext context = TlsContexts.server(credentials, trusted);
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setSslContext(context);
    tls.setNeedClientAuth(true);
    tls.setIncludeProtocols(TlsContexts.PROTOCOL);
    tls.setIncludeCipherSuites(TlsContexts.CIPHER_SUITES.toArray(String[]::new));
    tls.setRenegotiationAllowed(false);
    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setName("dmp-" + name);
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration https = new HttpConfiguration();
    https.setSendServerVersion(false);
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(LOOPBACK);
    connector.setPort(port);
    server.addConnector(connector);
    Bus bus = BusFactory.newInstance().createBus();
    CXFNonSpringServlet servlet = new CXFNonSpringServlet();
    servlet.setBus(bus);
    ServletContextHandler handler = new ServletContextHandler();
    handler.addServlet(new ServletHolder(servlet), DmpService.BASE_PATH + "/*");
    ServiceTimes times = new ServiceTimes(handler);
    server.setHandler(times);
    try {
      server.start();
      for (DmpService service : DmpService.values()) {
        EndpointImpl endpoint = new EndpointImpl(bus, new DmpEndpoint(service, dispatcher));
        Map<String, Object> properties = new HashMap<>();
        properties.put(Message.MTOM_ENABLED, service.mtom());
        endpoint.setProperties(properties);
        endpoint.getInInterceptors().add(new UnderstoodHeaders());
        endpoint.publish("/" + service.segment());
      }
    } catch (Exception e) {
      server.stop();
      bus.shutdown(true);
      throw e;
    }
    return new TlsListener(server, connector, bus, times);
  }

  /** How long this listener took to answer each request. */
  public ServiceTimes serviceTimes() {
    return times;
  }

  /** The port it listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code https://127.0.0.1:<port>/si-dmp-server/v2/services}. */
  public URI baseUrl() {
    return URI.create("https://" + LOOPBACK + ":" + port() + DmpService.BASE_PATH);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the DMP listener", e);
    } finally {
      bus.shutdown(true);
    }
  }
}
