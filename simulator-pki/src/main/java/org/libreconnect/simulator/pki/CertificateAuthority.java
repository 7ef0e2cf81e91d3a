package org.libreconnect.simulator.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** A CA of the test PKI: its keys, its certificate and the CA that issued it (null for a root). */
record CertificateAuthority(
    KeyPair keys, X509Certificate certificate, CertificateAuthority parent) {

  /** This CA's certificate followed by its parents', up to the root. */
  List<X509Certificate> chain() {
    List<X509Certificate> chain = new ArrayList<>();
    for (CertificateAuthority ca = this; ca != null; ca = ca.parent) {
      chain.add(ca.certificate);
    }
    return List.copyOf(chain);
  }
}
