package org.libreconnect.pkcs11;

import java.security.Provider;
import java.security.Security;

/**
 * Makes one card provider (a SunPKCS11 instance, or the worker's provider for a card it drives
 * itself) visible to JSSE for as long as a card TLS context needs it.
 *
 * <p>JSSE signs the TLS {@code CertificateVerify} with {@code Signature.getInstance(algorithm)},
 * which only searches the installed providers; a non-extractable card key is accepted by no
 * software provider, so without this the handshake fails with "No supported CertificateVerify
 * signature algorithm for RSA key" (checked on JDK 25). The instance is appended after every other
 * provider, under a name unique to its {@link Pkcs11Module}, so it is chosen only for keys no other
 * provider takes, and it is removed again when the module closes. This is the module's only global
 * side effect; loading a library never registers anything.
 */
public final class JsseRegistration implements AutoCloseable {
  private final String name;
  private final boolean added;

  private JsseRegistration(String name, boolean added) {
    this.name = name;
    this.added = added;
  }

  /** Appends {@code provider} to the JCA provider list (a no-op if that name is already there). */
  public static JsseRegistration register(Provider provider) {
    int position = Security.addProvider(provider);
    return new JsseRegistration(provider.getName(), position != -1);
  }

  /** Whether this registration added the provider (and so will remove it). */
  public boolean added() {
    return added;
  }

  /** Removes the provider if this registration added it. */
  @Override
  public void close() {
    if (added) {
      Security.removeProvider(name);
    }
  }
}
