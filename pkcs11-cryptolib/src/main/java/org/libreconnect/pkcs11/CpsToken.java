package org.libreconnect.pkcs11;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginException;
import org.libreconnect.pkcs11.exceptions.NotLoggedInException;
import org.libreconnect.pkcs11.direct.DataObject;
import org.libreconnect.pkcs11.direct.TokenInfo;
import org.libreconnect.pkcs11.exceptions.Operation;
import org.libreconnect.pkcs11.exceptions.Pkcs11Exception;
import org.libreconnect.pkcs11.exceptions.Pkcs11Failures;
import org.libreconnect.pkcs11.exceptions.TokenNotPresentException;
import org.libreconnect.pkcs11.holder.CertificateHolderReader;
import org.libreconnect.pkcs11.holder.CpsDataObjects;
import org.libreconnect.pkcs11.holder.CpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open CPS card: PIN login, its authentication and signature key pairs, the holder data and
 * signatures. Keys and certificates are read once per login, since SunPKCS11's key store can only
 * be opened logged in. Calls are serialised; the worker's card executor owns the instance.
 *
 * <p>What SunPKCS11 hides (the token flags {@code CKF_USER_PIN_COUNT_LOW}, {@code _FINAL_TRY},
 * {@code _LOCKED}; the data objects {@code CPS_INFO_PS} and {@code CPS_ACTIVITY_nn_PS}) is read
 * from the same library directly through {@link Pkcs11Module#details()}; docs/cryptolib.md explains.
 */
public final class CpsToken implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CpsToken.class);

  private final Pkcs11Module module;
  private CardObjects objects;

  private CpsToken(Pkcs11Module module) {
    this.module = module;
  }

  /**
   * The card in {@code module}'s slot; the token owns the module from now on and closes it (also
   * when this fails).
   *
   * @throws TokenNotPresentException when the slot holds no recognised card
   */
  public static CpsToken open(Pkcs11Module module) {
    Objects.requireNonNull(module, "module");
    if (!module.isTokenPresent()) {
      module.close();
      throw new TokenNotPresentException("opening the card failed: no card in the reader ("
          + module.settings().slot().configLine() + ")", null);
    }
    return new CpsToken(module);
  }

  /** The module this token was opened on. */
  public Pkcs11Module module() {
    return module;
  }

  /**
   * Presents {@code pin} and reads the card's key pairs; {@code pin} is wiped on every path. When
   * already logged in, logs out first, so a wrong PIN is always checked by the card (SunPKCS11
   * would otherwise skip {@code C_Login}).
   *
   * @throws org.libreconnect.pkcs11.exceptions.CardException such as {@code PinIncorrectException}
   *     or {@code PinLockedException}
   */
  public synchronized void login(char[] pin) {
    Objects.requireNonNull(pin, "pin");
    try {
      if (objects != null) {
        logout();
      }
      long started = System.nanoTime();
      module.provider().login(null, callbacks -> supply(pin, callbacks));
      try {
        objects = CardObjects.read(module.provider());
      } catch (RuntimeException e) {
        logoutQuietly();
        throw e;
      }
      log.info("card.login ok provider={} ms={}", module.provider().getName(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (LoginException | RuntimeException e) {
      throw Pkcs11Failures.map(Operation.LOGIN, e);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /** Whether a PIN was accepted since the last logout. */
  public synchronized boolean isLoggedIn() {
    return objects != null;
  }

  /** Ends the PIN session; key handles read before become unusable. */
  public synchronized void logout() {
    if (objects == null) {
      return;
    }
    objects = null;
    try {
      module.provider().logout();
    } catch (LoginException | ProviderException e) {
      throw Pkcs11Failures.map(Operation.LOGOUT, e);
    }
  }

  /** The authentication (TLS client) private key handle. */
  public synchronized PrivateKey authenticationKey() {
    return loggedIn().authentication().key();
  }

  /** The authentication certificate. */
  public synchronized X509Certificate authenticationCertificate() {
    return loggedIn().authentication().certificate();
  }

  /** The authentication certificate followed by the issuers found on the card. */
  public synchronized List<X509Certificate> authenticationChain() {
    return loggedIn().authentication().chain();
  }

  /** The signature (non-repudiation) private key handle. */
  public synchronized PrivateKey signatureKey() {
    return loggedIn().signature().key();
  }

  /** The signature certificate. */
  public synchronized X509Certificate signatureCertificate() {
    return loggedIn().signature().certificate();
  }

  /**
   * The holder data: the identity from the authentication certificate, completed with the card's
   * data objects (specialty, practice locations) and the token serial number when the library
   * shows them. A library that fails to list data objects leaves the certificate's data (logged);
   * a removed card or a lost login is reported.
   */
  public synchronized CpsHolder holderData() {
    CpsHolder fromCertificate = CertificateHolderReader.read(loggedIn().authentication().certificate());
    Optional<TokenDetails> details = module.details();
    if (details.isEmpty()) {
      return fromCertificate;
    }
    try {
      List<DataObject> objects = details.get().cpsDataObjects();
      if (objects.isEmpty()) {
        return fromCertificate;
      }
      String serial = details.get().tokenInfo().serialNumber();
      return fromCertificate.completedWith(CpsDataObjects.specialty(objects),
          CpsDataObjects.practiceLocations(objects), serial.isBlank() ? Optional.empty() : Optional.of(serial));
    } catch (Pkcs11Exception e) {
      log.warn("card.data.unreadable reason={}", e.getMessage());
      return fromCertificate;
    }
  }

  /**
   * The PIN tries left as the token flags tell them for a card allowing {@code limit} tries; empty
   * when no flag is set or the library cannot be asked (see {@link TokenInfo#pinTriesLeft}).
   */
  public synchronized OptionalInt pinTriesLeft(int limit) {
    Optional<TokenDetails> details = module.details();
    if (details.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return details.get().tokenInfo().pinTriesLeft(limit);
    } catch (Pkcs11Exception e) {
      log.debug("card.flags.unreadable reason={}", e.getMessage());
      return OptionalInt.empty();
    }
  }

  /** An RSA PKCS#1 v1.5 signature of {@code data} with the signature key, hashed with {@code digest}. */
  public synchronized byte[] sign(byte[] data, DigestAlgorithm digest) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(digest, "digest");
    PrivateKey key = loggedIn().signature().key();
    try {
      Signature signature = Signature.getInstance(digest.signatureAlgorithm(), module.provider());
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException | ProviderException e) {
      throw Pkcs11Failures.map(Operation.SIGN, e);
    }
  }

  /** A new token on a fresh module for the same slot (after a card removal); this one is closed. */
  public synchronized CpsToken reopen() {
    objects = null;
    return open(module.reopen());
  }

  /** Logs out and closes the module. */
  @Override
  public synchronized void close() {
    objects = null;
    module.close();
  }

  private CardObjects loggedIn() {
    if (objects == null) {
      throw new NotLoggedInException("the card's PIN has not been presented (or the session was closed)", null);
    }
    return objects;
  }

  private void logoutQuietly() {
    try {
      module.provider().logout();
    } catch (LoginException | ProviderException e) {
      log.debug("card.logout.ignored reason={}", e.toString());
    }
  }

  private static void supply(char[] pin, Callback[] callbacks) throws UnsupportedCallbackException {
    for (Callback callback : callbacks) {
      if (!(callback instanceof PasswordCallback password)) {
        throw new UnsupportedCallbackException(callback);
      }
      password.setPassword(pin);
    }
  }
}
