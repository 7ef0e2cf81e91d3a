package org.libreconnect.pkcs11.tls;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An initialised JDK context whose engines, sockets and default parameters all carry {@link
 * CardTlsPolicy}, so callers that only take an {@link SSLContext} (HTTP clients, CXF) keep the limits.
 */
final class PolicySslContextSpi extends SSLContextSpi {
  private final SSLContext delegate;

  PolicySslContextSpi(SSLContext delegate) {
    this.delegate = delegate;
  }

  @Override
  protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
      throws KeyManagementException {
    throw new KeyManagementException("a card TLS context is initialised when created");
  }

  @Override
  protected SSLSocketFactory engineGetSocketFactory() {
    return new PolicySocketFactory(delegate.getSocketFactory());
  }

  @Override
  protected SSLServerSocketFactory engineGetServerSocketFactory() {
    throw new UnsupportedOperationException("a card TLS context is for clients only");
  }

  @Override
  protected SSLEngine engineCreateSSLEngine() {
    return apply(delegate.createSSLEngine());
  }

  @Override
  protected SSLEngine engineCreateSSLEngine(String host, int port) {
    return apply(delegate.createSSLEngine(host, port));
  }

  @Override
  protected SSLSessionContext engineGetServerSessionContext() {
    return delegate.getServerSessionContext();
  }

  @Override
  protected SSLSessionContext engineGetClientSessionContext() {
    return delegate.getClientSessionContext();
  }

  @Override
  protected SSLParameters engineGetDefaultSSLParameters() {
    return CardTlsPolicy.restrict(delegate.getDefaultSSLParameters());
  }

  @Override
  protected SSLParameters engineGetSupportedSSLParameters() {
    return delegate.getSupportedSSLParameters();
  }

  private static SSLEngine apply(SSLEngine engine) {
    engine.setSSLParameters(CardTlsPolicy.restrict(engine.getSSLParameters()));
    return engine;
  }
}
