package org.libreconnect.pkcs11.tls;

import javax.net.ssl.SSLContext;

/** The {@link SSLContext} face of {@link PolicySslContextSpi}. */
final class PolicySslContext extends SSLContext {
  PolicySslContext(SSLContext delegate) {
    super(new PolicySslContextSpi(delegate), delegate.getProvider(), CardTlsPolicy.PROTOCOL);
  }
}
