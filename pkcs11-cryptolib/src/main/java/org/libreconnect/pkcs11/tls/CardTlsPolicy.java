package org.libreconnect.pkcs11.tls;

import java.util.List;
import javax.net.ssl.SSLParameters;

/**
 * The TLS limits for a card-authenticated client: TLS 1.2 only, and only RSA PKCS#1 v1.5 signature
 * schemes.
 *
 * <p>The DMP accepts TLS 1.2 only (dmp.md §1.2). TLS 1.3 and the {@code rsa_pss_*} schemes need
 * RSA-PSS from the card, which CPS3 cards and many PKCS#11 modules lack: on a token without PSS,
 * TLS 1.3 fails outright and TLS 1.2 works only by falling back to PKCS#1 (stack.md §3.4). The
 * limits are set per engine or socket with {@link SSLParameters#setSignatureSchemes}, not with the
 * JVM-wide {@code jdk.tls.client.SignatureSchemes} property, which would also change every other
 * TLS connection (and server) in the JVM.
 */
public final class CardTlsPolicy {
  /** The only protocol offered. */
  public static final String PROTOCOL = "TLSv1.2";

  /** The signature schemes offered, strongest hash first. */
  public static final List<String> SIGNATURE_SCHEMES =
      List.of("rsa_pkcs1_sha256", "rsa_pkcs1_sha384", "rsa_pkcs1_sha512");

  private CardTlsPolicy() {}

  /**
   * {@code context} (initialised) as a context whose engines, sockets and default parameters all
   * carry these limits.
   */
  public static javax.net.ssl.SSLContext limit(javax.net.ssl.SSLContext context) {
    return new PolicySslContext(context);
  }

  /** {@code parameters} limited to {@link #PROTOCOL} and {@link #SIGNATURE_SCHEMES}; changes and returns them. */
  public static SSLParameters restrict(SSLParameters parameters) {
    parameters.setProtocols(new String[] {PROTOCOL});
    parameters.setSignatureSchemes(SIGNATURE_SCHEMES.toArray(String[]::new));
    return parameters;
  }
}
