package org.libreconnect.pkcs11.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.libreconnect.pkcs11.CpsToken;

/**
 * A client-only key manager offering the card's authentication key and certificate. Key and chain
 * are fetched at each handshake, so a new login (which invalidates PKCS#11 key handles) is seen.
 * The server's list of acceptable issuers is not checked: there is one card credential, and a
 * server that does not accept it says so with a clear alert.
 */
public final class CardKeyManager extends X509ExtendedKeyManager {
  /** The alias under which the card's authentication credential is offered. */
  public static final String ALIAS = "cps-authentication";

  private final Supplier<PrivateKey> key;
  private final Supplier<List<X509Certificate>> chain;

  /**
   * A key manager over any card key: {@code chain} starts with the authentication certificate;
   * {@code key} is the card's private key object (a PKCS#11 handle or any card-backed key).
   */
  public CardKeyManager(Supplier<PrivateKey> key, Supplier<List<X509Certificate>> chain) {
    this.key = Objects.requireNonNull(key, "key");
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  /**
   * A key manager for {@code token}; {@code issuers} are appended to the chain when the card does
   * not hold them (the TLS server must receive the intermediate CA).
   */
  public static CardKeyManager forToken(CpsToken token, List<X509Certificate> issuers) {
    Objects.requireNonNull(token, "token");
    List<X509Certificate> extra = List.copyOf(issuers);
    return new CardKeyManager(
        token::authenticationKey,
        () -> {
          LinkedHashSet<X509Certificate> chain = new LinkedHashSet<>(token.authenticationChain());
          chain.addAll(extra);
          return new ArrayList<>(chain);
        });
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] acceptedIssuers) {
    return matches(keyType) ? new String[] {ALIAS} : null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] acceptedIssuers, Socket socket) {
    return choose(keyTypes);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] acceptedIssuers, SSLEngine engine) {
    return choose(keyTypes);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] acceptedIssuers) {
    return null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] acceptedIssuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] acceptedIssuers, SSLEngine engine) {
    return null;
  }

  /** The card's authentication certificate first, then its issuers. */
  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.get().toArray(X509Certificate[]::new) : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key.get() : null;
  }

  private String choose(String[] keyTypes) {
    return keyTypes != null && Arrays.stream(keyTypes).anyMatch(this::matches) ? ALIAS : null;
  }

  private boolean matches(String keyType) {
    return keyType != null && keyType.equals(chain.get().get(0).getPublicKey().getAlgorithm());
  }
}
