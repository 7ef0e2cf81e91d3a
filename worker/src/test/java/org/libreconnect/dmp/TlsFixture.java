package org.libreconnect.dmp;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.ServerCredentials;
import org.libreconnect.simulator.pki.TestPki;

/** A test PKI with a doctor's card credentials and a server certificate for 127.0.0.1. */
public final class TlsFixture {
  public final TestPki pki = TestPki.generate(Clock.systemUTC(), 2048);
  public final CpsIdentity doctor = CpsIdentity.testDoctor();
  public final CardCredentials card = pki.issueCard(doctor);
  public final ServerCredentials server = pki.issueServer("localhost");

  /** The server side: the server key, client certificates checked against the FORT root. */
  public SSLContext serverContext() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", server.keys().getPrivate(), new char[0], server.certificateChain());
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
    kmf.init(keys, new char[0]);
    SSLContext context = SSLContext.getInstance("TLSv1.2");
    context.init(kmf.getKeyManagers(), trust(pki.fortRoot()).getTrustManagers(), null);
    return context;
  }

  /** Roots a DMP client trusts: the ELEMENTAIRE root of the server certificate. */
  public KeyStore dmpRoots() throws Exception {
    return store(pki.elementaryRoot());
  }

  static KeyStore store(X509Certificate... roots) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 0; i < roots.length; i++) {
      store.setCertificateEntry("root" + i, roots[i]);
    }
    return store;
  }

  static TrustManagerFactory trust(X509Certificate... roots) throws Exception {
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store(roots));
    return factory;
  }
}
