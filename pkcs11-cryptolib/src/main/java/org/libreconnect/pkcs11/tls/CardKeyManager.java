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
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.libreconnect.pkcs11.CpsToken;

/**
 * A client-only key manager offering the card's authentication key and certificate. The key is
 * fetched from the token at each handshake, so a new login (which invalidates key handles) is seen.
 * The server's list of acceptable issuers is not checked: there is one card credential, and a
 * server that does not accept it says so with a clear alert.
 */
public final class CardKeyManager extends X509ExtendedKeyManager {
  /** The alias under which the card's authentication credential is offered. */
  public static final String ALIAS = "cps-authentication";

  private final CpsToken token;
  private final List<X509Certificate> issuers;

  /**
   * A key manager for {@code token}; {@code issuers} are appended to the chain when the card does
   * not hold them (the TLS server must receive the intermediate CA).
   */
  public CardKeyManager(CpsToken token, List<X509Certificate> issuers) {
    this.token = Objects.requireNonNull(token, "token");
    this.issuers = List.copyOf(issuers);
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

  /** The card's authentication certificate, then the issuers on the card, then the configured ones. */
  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    if (!ALIAS.equals(alias)) {
      return null;
    }
    LinkedHashSet<X509Certificate> chain = new LinkedHashSet<>(token.authenticationChain());
    chain.addAll(issuers);
    return new ArrayList<>(chain).toArray(X509Certificate[]::new);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? token.authenticationKey() : null;
  }

  private String choose(String[] keyTypes) {
    return keyTypes != null && Arrays.stream(keyTypes).anyMatch(this::matches) ? ALIAS : null;
  }

  private boolean matches(String keyType) {
    return keyType != null
        && keyType.equals(token.authenticationCertificate().getPublicKey().getAlgorithm());
  }
}
