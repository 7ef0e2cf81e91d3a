package org.libreconnect.master.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The connector's one server key and certificate chain, handed to the TLS implementation as they
 * are. Given a key and a chain, Netty builds a PKCS#12 key store and reads it back, encrypting and
 * decrypting the key with 10,000 rounds of PBKDF2 each way, and that at the master's start, before
 * the JIT has compiled anything: this class spares it.
 */
public final class SingleKeyManager extends X509ExtendedKeyManager {
  /** The only alias this manager knows. */
  public static final String ALIAS = "connector";

  private final PrivateKey key;
  private final X509Certificate[] chain;

  /**
   * @param key the server's private key
   * @param chain the server's certificate first, then the certificates that issued it
   */
  public SingleKeyManager(PrivateKey key, List<X509Certificate> chain) {
    this.key = Objects.requireNonNull(key, "key");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("the chain holds at least the server's certificate");
    }
    this.chain = chain.toArray(X509Certificate[]::new);
  }

  /**
   * Whether the key serves a key type the TLS implementation asks for: its algorithm ({@code EC})
   * or that algorithm with the signature of its certificate ({@code EC_EC}, as TLS 1.2 names it).
   */
  boolean serves(String keyType) {
    String algorithm = key.getAlgorithm();
    return keyType != null && (keyType.equals(algorithm) || keyType.startsWith(algorithm + "_"));
  }

  private String aliasFor(String keyType) {
    return serves(keyType) ? ALIAS : null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return aliasFor(keyType);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return aliasFor(keyType);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return serves(keyType) ? new String[] {ALIAS} : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  /** The connector's port asks no client certificate: it has none to offer as a client. */
  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return null;
  }
}
