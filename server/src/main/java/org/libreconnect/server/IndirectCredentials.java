package org.libreconnect.server;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.libreconnect.dmp.DmpCredentials;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.vihf.IndirectAuthentication;

/**
 * One request's DMP credentials in indirect mode: the establishment's key for TLS and signatures,
 * the professional the request names for the VIHF.
 */
final class IndirectCredentials implements DmpCredentials {
  private final EstablishmentCredential establishment;
  private final RequestIdentity identity;

  IndirectCredentials(EstablishmentCredential establishment, RequestIdentity identity) {
    this.establishment = establishment;
    this.identity = identity;
  }

  @Override
  public SSLContext tlsContext(KeyStore dmpRoots) {
    return establishment.tlsContext(dmpRoots);
  }

  @Override
  public X509Certificate authenticationCertificate() {
    return establishment.certificate();
  }

  @Override
  public X509Certificate signatureCertificate() {
    return establishment.certificate();
  }

  @Override
  public byte[] signSha256(byte[] data) {
    return establishment.signSha256(data);
  }

  @Override
  public DmpHolder holder() {
    return identity.holder();
  }

  @Override
  public Optional<IndirectAuthentication> indirect() {
    return Optional.of(identity.indirect(establishment));
  }
}
