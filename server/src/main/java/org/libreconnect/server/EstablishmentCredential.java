package org.libreconnect.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.libreconnect.config.RestServerConfig;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The establishment's key and certificate chain ("ORG AUTH_CLI"), read once at start from a
 * PKCS#12 file or a PKCS#11 token through SunPKCS11: the TLS client identity towards the DMP and
 * the VIHF and submission-set signer. The key never leaves its store (a token key stays on the
 * token); the password or PIN is read from a file and wiped after use.
 */
public final class EstablishmentCredential {
  private static final String TLS_PROTOCOL = "TLSv1.2";

  private final PrivateKey key;
  private final X509Certificate[] chain;
  private final String structureId;

  EstablishmentCredential(PrivateKey key, X509Certificate[] chain) {
    this.key = key;
    this.chain = chain.clone();
    this.structureId = organisationalUnit(chain[0]);
    if (structureId.isEmpty()) {
      throw new IllegalStateException("the establishment certificate has no OU (Struct_IdNat): "
          + "it is not an IGC-Santé organisation certificate");
    }
  }

  /** The credential the configuration names. */
  public static EstablishmentCredential load(RestServerConfig.Establishment settings) {
    if (settings.pkcs12().isPresent()) {
      return fromKeyStore(pkcs12(settings.pkcs12().get(), settings.passwordFile()), settings);
    }
    if (settings.pkcs11Library().isPresent()) {
      return fromKeyStore(pkcs11(settings), settings);
    }
    throw new IllegalStateException("rest_server/establishment: pkcs12 or pkcs11_library is required");
  }

  private record Loaded(KeyStore store, char[] password) {}

  private static Loaded pkcs12(Path file, java.util.Optional<Path> passwordFile) {
    char[] password = password(passwordFile);
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return new Loaded(store, password);
    } catch (IOException | GeneralSecurityException e) {
      Arrays.fill(password, '\0');
      throw new IllegalStateException("cannot read the establishment PKCS#12 file " + file
          + " (wrong password or not a PKCS#12 file)", e);
    }
  }

  private static Loaded pkcs11(RestServerConfig.Establishment settings) {
    StringBuilder config = new StringBuilder("--name=LibreConnectServer\nlibrary=")
        .append(settings.pkcs11Library().get()).append('\n');
    settings.pkcs11Slot().ifPresent(slot -> config.append("slot=").append(slot).append('\n'));
    if (settings.pkcs11Slot().isEmpty()) {
      config.append("slotListIndex=0\n");
    }
    char[] pin = password(settings.passwordFile());
    try {
      Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
      Security.addProvider(provider);
      KeyStore store = KeyStore.getInstance("PKCS11", provider);
      store.load(null, pin);
      return new Loaded(store, null);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException("cannot open the establishment's PKCS#11 token ("
          + settings.pkcs11Library().get() + "): " + e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private static EstablishmentCredential fromKeyStore(Loaded loaded, RestServerConfig.Establishment settings) {
    try {
      KeyStore store = loaded.store();
      for (String alias : Collections.list(store.aliases())) {
        if (settings.alias().isPresent() && !settings.alias().get().equals(alias)) {
          continue;
        }
        if (store.isKeyEntry(alias) && store.getCertificateChain(alias) != null) {
          PrivateKey key = (PrivateKey) store.getKey(alias, loaded.password());
          Certificate[] certificates = store.getCertificateChain(alias);
          X509Certificate[] chain = Arrays.stream(certificates).map(X509Certificate.class::cast)
              .toArray(X509Certificate[]::new);
          return new EstablishmentCredential(key, chain);
        }
      }
      throw new IllegalStateException("the establishment key store holds no key with a certificate"
          + (settings.alias().isPresent() ? " under the configured alias" : ""));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the establishment key", e);
    } finally {
      if (loaded.password() != null) {
        Arrays.fill(loaded.password(), '\0');
      }
    }
  }

  private static char[] password(java.util.Optional<Path> file) {
    if (file.isEmpty()) {
      return new char[0];
    }
    try {
      String text = Files.readString(file.get(), StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      return (end < 0 ? text : text.substring(0, end)).strip().toCharArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the establishment password file " + file.get(), e);
    }
  }

  /** The establishment certificate. */
  public X509Certificate certificate() {
    return chain[0];
  }

  /** The key (a software key or a token key). */
  public PrivateKey key() {
    return key;
  }

  /** The structure of the certificate ({@code OU}): the VIHF's {@code Identifiant_Structure}. */
  public String structureId() {
    return structureId;
  }

  /** A new TLS 1.2 client context with this key, trusting {@code roots}. */
  public SSLContext tlsContext(KeyStore roots) {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
      trust.init(roots);
      SSLContext context = SSLContext.getInstance(TLS_PROTOCOL);
      context.init(new KeyManager[] {new FixedKeyManager()}, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot prepare the DMP TLS context", e);
    }
  }

  /** An RSA PKCS#1 v1.5 SHA-256 signature with the establishment key. */
  public byte[] signSha256(byte[] data) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the establishment key", e);
    }
  }

  private static String organisationalUnit(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    for (RDN rdn : subject.getRDNs(BCStyle.OU)) {
      return IETFUtils.valueToString(rdn.getFirst().getValue());
    }
    return "";
  }

  /** Presents the establishment key whatever the server asks (one identity only). */
  private final class FixedKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "establishment";

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return ALIAS;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return chain.clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return key;
    }
  }

  @Override
  public String toString() {
    return "EstablishmentCredential[" + chain[0].getSubjectX500Principal() + "]";
  }

  List<X509Certificate> chain() {
    return List.of(chain);
  }

}
