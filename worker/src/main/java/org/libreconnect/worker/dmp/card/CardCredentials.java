package org.libreconnect.worker.dmp.card;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import org.libreconnect.worker.card.CardKeys;
import org.libreconnect.worker.card.CpxCard;
import org.libreconnect.dmp.DmpCredentials;
import org.libreconnect.dmp.DmpHolder;

/** The credentials of an unlocked card: what it holds, and its keys. */
final class CardCredentials implements DmpCredentials {
  private final CpxCard.Reading reading;
  private final CardKeys keys;
  private final DmpHolder holder;

  CardCredentials(CpxCard.Reading reading, CardKeys keys) {
    this.reading = reading;
    this.keys = keys;
    this.holder = Holders.of(reading.holder());
  }

  @Override
  public SSLContext tlsContext(KeyStore dmpRoots) {
    return keys.tlsContext(dmpRoots);
  }

  @Override
  public X509Certificate authenticationCertificate() {
    return reading.authentication();
  }

  @Override
  public X509Certificate signatureCertificate() {
    return reading.signature();
  }

  @Override
  public byte[] signSha256(byte[] data) {
    return keys.signSha256(data);
  }

  @Override
  public DmpHolder holder() {
    return holder;
  }
}
