package org.libreconnect.pkcs11;

import java.security.AuthProvider;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.security.auth.login.LoginException;
import org.libreconnect.pkcs11.exceptions.LibraryLoadException;
import org.libreconnect.pkcs11.exceptions.Operation;
import org.libreconnect.pkcs11.exceptions.Pkcs11Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PKCS#11 library and slot loaded through its own SunPKCS11 instance ({@code
 * Security.getProvider("SunPKCS11").configure(...)}), kept by this object and never installed in
 * the JCA provider list by loading. Any PKCS#11 library works: the Cryptolib CPS, OpenSC, SoftHSM2.
 *
 * <p>A SunPKCS11 instance is dead for good once its card is removed ("Token has been removed"):
 * {@link #reopen()} builds a fresh instance for the same settings. SunPKCS11 has no way to unload a
 * library or call {@code C_Finalize}, so {@link #close()} logs out and drops the JSSE registration;
 * the native library stays loaded until the JVM (a per-session worker) exits.
 */
public final class Pkcs11Module implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Pkcs11Module.class);
  private static final String KEY_STORE_TYPE = "PKCS11";

  private final ModuleSettings settings;
  private final AuthProvider provider;
  private JsseRegistration jsse;
  private Optional<TokenDetails> details;
  private boolean closed;

  private Pkcs11Module(ModuleSettings settings, AuthProvider provider) {
    this.settings = settings;
    this.provider = provider;
  }

  /**
   * Loads {@code settings.library()} for {@code settings.slot()}.
   *
   * @throws org.libreconnect.pkcs11.exceptions.CardException such as {@code
   *     LibraryNotFoundException}, {@code LibraryLoadException} or {@code ReaderNotFoundException}
   */
  public static Pkcs11Module load(ModuleSettings settings) {
    Objects.requireNonNull(settings, "settings");
    Provider template = Security.getProvider("SunPKCS11");
    if (template == null) {
      throw new LibraryLoadException(
          "this Java runtime has no SunPKCS11 provider (module jdk.crypto.cryptoki)", null);
    }
    String name = "LibreConnect-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    long started = System.nanoTime();
    Provider configured;
    try {
      configured = template.configure(SunPkcs11Config.inline(name, settings));
    } catch (RuntimeException | LinkageError e) {
      throw Pkcs11Failures.map(Operation.LOAD_LIBRARY, e);
    }
    log.info("pkcs11.loaded library={} slot={} provider={} ms={}", settings.library(),
        settings.slot().configLine(), configured.getName(), (System.nanoTime() - started) / 1_000_000);
    return new Pkcs11Module(settings, (AuthProvider) configured);
  }

  /** What this module loaded. */
  public ModuleSettings settings() {
    return settings;
  }

  /** This module's SunPKCS11 instance; use it for {@code KeyStore} and {@code Signature} lookups. */
  public AuthProvider provider() {
    return provider;
  }

  /** Whether a recognised token (card) is in the slot: SunPKCS11 offers its key store only then. */
  public boolean isTokenPresent() {
    return provider.getService("KeyStore", KEY_STORE_TYPE) != null;
  }

  /**
   * The token details SunPKCS11 does not show (token flags, data objects), read from the library
   * directly; empty when the library cannot be called that way.
   */
  public synchronized Optional<TokenDetails> details() {
    if (details == null) {
      details = TokenDetails.open(settings);
    }
    return details;
  }

  /** A fresh module for the same settings, for after a card removal; this one is closed. */
  public Pkcs11Module reopen() {
    close();
    return load(settings);
  }

  /**
   * Lets JSSE reach this instance's keys for TLS client authentication until {@link #close()}; see
   * {@link JsseRegistration} for why and how little it touches.
   */
  public synchronized void enableTlsSigning() {
    if (closed) {
      throw new IllegalStateException("module closed");
    }
    if (jsse == null) {
      jsse = JsseRegistration.register(provider);
      log.debug("pkcs11.jsse.registered provider={} added={}", provider.getName(), jsse.added());
    }
  }

  /** Logs out, removes the JSSE registration if any, and marks the module closed. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      provider.logout();
    } catch (LoginException | RuntimeException e) {
      log.debug("pkcs11.logout.ignored provider={} reason={}", provider.getName(), e.toString());
    }
    if (jsse != null) {
      jsse.close();
      jsse = null;
    }
  }

  /** Whether {@link #close()} was called. */
  public synchronized boolean isClosed() {
    return closed;
  }
}
