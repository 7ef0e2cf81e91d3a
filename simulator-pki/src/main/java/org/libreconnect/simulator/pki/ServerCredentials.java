package org.libreconnect.simulator.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A TLS server's key pair and certificate, with the issuing chain.
 *
 * @param keys the server's key pair
 * @param certificate its certificate (EKU serverAuth, SAN with the host name)
 * @param chain the issuing CA then its root
 */
public record ServerCredentials(
    KeyPair keys, X509Certificate certificate, List<X509Certificate> chain) {

  public ServerCredentials {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(certificate, "certificate");
    chain = List.copyOf(chain);
  }

  /** The certificate followed by the chain, as a TLS server presents it. */
  public X509Certificate[] certificateChain() {
    X509Certificate[] all = new X509Certificate[chain.size() + 1];
    all[0] = certificate;
    for (int i = 0; i < chain.size(); i++) {
      all[i + 1] = chain.get(i);
    }
    return all;
  }

  @Override
  public String toString() {
    return "ServerCredentials[" + certificate.getSubjectX500Principal() + "]";
  }
}
