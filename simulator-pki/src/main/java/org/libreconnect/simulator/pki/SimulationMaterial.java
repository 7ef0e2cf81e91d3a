package org.libreconnect.simulator.pki;

import org.libreconnect.simulation.identity.CpsIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.libreconnect.runtime.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulation PKI and the simulated card's identity and keys of one installation, generated
 * once and kept in a directory ({@code <home>/data/simulation/}) so that every worker, and the DMP
 * simulator that must trust the card's root, see the same card.
 *
 * <p>Two owner-only files, each replaced in one atomic rename: {@value #IDENTITY_FILE} (the holder
 * data) and {@value #STORE_FILE} (a PKCS#12 with the six CAs' keys and certificates and the card's
 * two key pairs with their chains), written last. A lock file serialises processes that start at
 * the same time. Material whose card certificates end within 30 days, or that cannot be read, is
 * generated anew. The PKCS#12 password is fixed: these are test keys, protected by the directory's
 * permissions only.
 */
public final class SimulationMaterial {
  /** The PKCS#12 file name. */
  public static final String STORE_FILE = "simulation.p12";

  /** The identity file name. */
  public static final String IDENTITY_FILE = "identity.properties";

  private static final Logger log = LoggerFactory.getLogger(SimulationMaterial.class);
  private static final String LOCK_FILE = ".lock";
  private static final char[] STORE_PASSWORD = "libreconnect-simulation".toCharArray();
  private static final Duration RENEWAL_MARGIN = Duration.ofDays(30);
  private static final String AUTHENTICATION = "card-authentication";
  private static final String SIGNATURE = "card-signature";
  private static final List<String> CA_ALIASES =
      List.of(
          "ca-fort-root",
          "ca-fort-persons",
          "ca-elementary-root",
          "ca-elementary-organisations",
          "ca-production-like-root",
          "ca-production-like-persons");
  /** File locks are per process; this keeps two threads of one JVM from overlapping them. */
  private static final Object PROCESS_LOCK = new Object();

  private final TestPki pki;
  private final CpsIdentity identity;
  private final CardCredentials credentials;

  private SimulationMaterial(TestPki pki, CpsIdentity identity, CardCredentials credentials) {
    this.pki = pki;
    this.identity = identity;
    this.credentials = credentials;
  }

  /**
   * The material in {@code directory}, generated there first when missing, unreadable or about to
   * expire. The test doctor ({@link CpsIdentity#testDoctor()}) with RSA-2048 keys throughout.
   *
   * @throws IOException when the directory or its files cannot be written
   */
  public static SimulationMaterial loadOrCreate(Path directory, Clock clock) throws IOException {
    AtomicFiles.createDirectories(directory, AtomicFiles.Access.OWNER_ONLY);
    synchronized (PROCESS_LOCK) {
      try (FileChannel channel =
              FileChannel.open(
                  directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Optional<SimulationMaterial> existing = load(directory, clock);
        if (existing.isPresent() && existing.get().usableAt(clock.instant())) {
          return existing.get();
        }
        long started = System.nanoTime();
        SimulationMaterial created = generate(clock);
        created.save(directory);
        log.info(
            "simulation.material.created dir={} psIdNat={} ms={}",
            directory,
            created.identity.psIdNat(),
            (System.nanoTime() - started) / 1_000_000);
        return created;
      }
    }
  }

  /** The simulation PKI: trust {@link TestPki#fortRoot()} for the card's certificates. */
  public TestPki pki() {
    return pki;
  }

  /** The simulated card holder. */
  public CpsIdentity identity() {
    return identity;
  }

  /** The card's two key pairs and certificates. */
  public CardCredentials cardCredentials() {
    return credentials;
  }

  private boolean usableAt(Instant now) {
    Instant limit = now.plus(RENEWAL_MARGIN);
    return credentials.authenticationCertificate().getNotAfter().toInstant().isAfter(limit)
        && credentials.signatureCertificate().getNotAfter().toInstant().isAfter(limit)
        && identity.validUntil().isAfter(LocalDate.ofInstant(limit, ZoneOffset.UTC));
  }

  private static SimulationMaterial generate(Clock clock) {
    TestPki pki = TestPki.generate(clock, 2048);
    CpsIdentity identity =
        CpsIdentity.testDoctor(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(3));
    return new SimulationMaterial(pki, identity, pki.issueCard(identity));
  }

  private static Optional<SimulationMaterial> load(Path directory, Clock clock) {
    Path store = directory.resolve(STORE_FILE);
    Path identityFile = directory.resolve(IDENTITY_FILE);
    if (!Files.isRegularFile(store) || !Files.isRegularFile(identityFile)) {
      return Optional.empty();
    }
    try {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(identityFile, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      CpsIdentity identity = IdentityProperties.read(properties);
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keyStore.load(in, STORE_PASSWORD);
      }
      List<CertificateAuthority> authorities = new ArrayList<>();
      for (int i = 0; i < CA_ALIASES.size(); i++) {
        KeyPair keys = keys(keyStore, CA_ALIASES.get(i));
        X509Certificate certificate = first(keyStore, CA_ALIASES.get(i));
        authorities.add(
            new CertificateAuthority(keys, certificate, i % 2 == 1 ? authorities.get(i - 1) : null));
      }
      TestPki pki = TestPki.restore(clock, authorities);
      X509Certificate authentication = first(keyStore, AUTHENTICATION);
      X509Certificate signature = first(keyStore, SIGNATURE);
      authentication.verify(pki.fortPersons().getPublicKey());
      signature.verify(pki.fortPersons().getPublicKey());
      CardCredentials credentials =
          new CardCredentials(
              keys(keyStore, AUTHENTICATION),
              authentication,
              keys(keyStore, SIGNATURE),
              signature,
              List.of(pki.fortPersons(), pki.fortRoot()));
      return Optional.of(new SimulationMaterial(pki, identity, credentials));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      log.warn("simulation.material.unreadable dir={} reason=\"{}\"", directory, e.toString());
      return Optional.empty();
    }
  }

  private void save(Path directory) throws IOException {
    ByteArrayOutputStream identityText = new ByteArrayOutputStream();
    try (OutputStreamWriter writer =
        new OutputStreamWriter(identityText, StandardCharsets.UTF_8)) {
      IdentityProperties.write(identity).store(writer, "LibreConnect simulated CPS card holder");
    }
    AtomicFiles.write(directory.resolve(IDENTITY_FILE), identityText.toByteArray());
    AtomicFiles.write(directory.resolve(STORE_FILE), storeBytes());
  }

  private byte[] storeBytes() {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      List<CertificateAuthority> authorities = pki.authorities();
      for (int i = 0; i < authorities.size(); i++) {
        CertificateAuthority ca = authorities.get(i);
        keyStore.setKeyEntry(
            CA_ALIASES.get(i),
            ca.keys().getPrivate(),
            STORE_PASSWORD,
            ca.chain().toArray(Certificate[]::new));
      }
      keyStore.setKeyEntry(
          AUTHENTICATION,
          credentials.authenticationKeys().getPrivate(),
          STORE_PASSWORD,
          chain(credentials.authenticationCertificate()));
      keyStore.setKeyEntry(
          SIGNATURE,
          credentials.signatureKeys().getPrivate(),
          STORE_PASSWORD,
          chain(credentials.signatureCertificate()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      keyStore.store(out, STORE_PASSWORD);
      return out.toByteArray();
    } catch (GeneralSecurityException e) {
      throw new PkiGenerationException("cannot write the simulation key store", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Certificate[] chain(X509Certificate leaf) {
    List<Certificate> chain = new ArrayList<>();
    chain.add(leaf);
    chain.addAll(credentials.chain());
    return chain.toArray(Certificate[]::new);
  }

  private static KeyPair keys(KeyStore keyStore, String alias) throws GeneralSecurityException {
    PrivateKey key = (PrivateKey) keyStore.getKey(alias, STORE_PASSWORD);
    if (key == null) {
      throw new GeneralSecurityException("no key " + alias);
    }
    return new KeyPair(first(keyStore, alias).getPublicKey(), key);
  }

  private static X509Certificate first(KeyStore keyStore, String alias)
      throws GeneralSecurityException {
    Certificate[] chain = keyStore.getCertificateChain(alias);
    if (chain == null || chain.length == 0) {
      throw new GeneralSecurityException("no certificate " + alias);
    }
    return (X509Certificate) chain[0];
  }
}
