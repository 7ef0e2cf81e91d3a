package org.libreconnect.simulator.pki;

import org.libreconnect.simulation.identity.CpsIdentity;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A test IGC-Santé PKI generated in memory: the FORT hierarchy that issues CPS card certificates,
 * the ELEMENTAIRE hierarchy that issues server certificates, and a separate production-like FORT
 * hierarchy to exercise "test card on production" failures. Nothing is written to disk and every
 * certificate is valid from one hour before generation.
 */
public final class TestPki {
  static final int ROOT_KEY_BITS = 4096;
  static final int INTERMEDIATE_KEY_BITS = 2048;
  static final int LEAF_KEY_BITS = 2048;
  private static final Duration BACKDATE = Duration.ofHours(1);
  static final int AUTHORITY_COUNT = 6;

  private final Clock clock;
  private final RsaKeys keys;
  private final CertificateSigner signer;
  private final CertificateAuthority fortRoot;
  private final CertificateAuthority fortPersons;
  private final CertificateAuthority elementaryRoot;
  private final CertificateAuthority elementaryOrganisations;
  private final CertificateAuthority productionLikeRoot;
  private final CertificateAuthority productionLikePersons;

  private TestPki(Clock clock, RsaKeys keys, CertificateSigner signer, KeyPair[] caKeys) {
    this.clock = clock;
    this.keys = keys;
    this.signer = signer;
    Instant notBefore = clock.instant().minus(BACKDATE);
    fortRoot = root(CaNames.of(CaNames.TEST_FORT_ROOT, true), caKeys[0], notBefore);
    fortPersons =
        intermediate(fortRoot, CaNames.of(CaNames.TEST_FORT_PERSONS, true), caKeys[1], notBefore);
    elementaryRoot = root(CaNames.of(CaNames.TEST_ELEMENTARY_ROOT, true), caKeys[2], notBefore);
    elementaryOrganisations =
        intermediate(
            elementaryRoot,
            CaNames.of(CaNames.TEST_ELEMENTARY_ORGANISATIONS, true),
            caKeys[3],
            notBefore);
    productionLikeRoot =
        root(CaNames.of(CaNames.PRODUCTION_LIKE_ROOT, false), caKeys[4], notBefore);
    productionLikePersons =
        intermediate(
            productionLikeRoot,
            CaNames.of(CaNames.PRODUCTION_LIKE_PERSONS, false),
            caKeys[5],
            notBefore);
  }

  private TestPki(Clock clock, RsaKeys keys, CertificateSigner signer, List<CertificateAuthority> cas) {
    this.clock = clock;
    this.keys = keys;
    this.signer = signer;
    fortRoot = cas.get(0);
    fortPersons = cas.get(1);
    elementaryRoot = cas.get(2);
    elementaryOrganisations = cas.get(3);
    productionLikeRoot = cas.get(4);
    productionLikePersons = cas.get(5);
  }

  /**
   * The hierarchy made of already issued CAs, in the order of {@link #authorities()}: what {@link
   * SimulationMaterial} read back from disk. New certificates are valid from one hour before
   * {@code clock}'s now.
   */
  static TestPki restore(Clock clock, List<CertificateAuthority> authorities) {
    if (authorities.size() != AUTHORITY_COUNT) {
      throw new IllegalArgumentException(
          "a test PKI has " + AUTHORITY_COUNT + " CAs, not " + authorities.size());
    }
    SecureRandom random = new SecureRandom();
    return new TestPki(clock, new RsaKeys(random), new CertificateSigner(random), authorities);
  }

  /**
   * The six CAs, roots before the CAs they issue: FORT root and persons, ELEMENTAIRE root and
   * organisations, production-like root and persons.
   */
  List<CertificateAuthority> authorities() {
    return List.of(
        fortRoot,
        fortPersons,
        elementaryRoot,
        elementaryOrganisations,
        productionLikeRoot,
        productionLikePersons);
  }

  /**
   * A fresh hierarchy with RSA-4096 roots, valid from one hour ago. The roots take one to three
   * seconds on an idle machine (up to about nine under load); generate once per test class.
   */
  public static TestPki generate() {
    return generate(Clock.systemUTC(), ROOT_KEY_BITS);
  }

  /** Like {@link #generate()}, valid from one hour before {@code clock}'s now. */
  public static TestPki generate(Clock clock) {
    return generate(clock, ROOT_KEY_BITS);
  }

  /**
   * A fresh hierarchy valid from one hour before {@code clock}'s now, with roots of {@code
   * rootKeyBits} (2048 makes it about ten times faster; intermediates and leaves are RSA-2048).
   */
  public static TestPki generate(Clock clock, int rootKeyBits) {
    if (rootKeyBits < 2048) {
      throw new IllegalArgumentException(
          "root keys of " + rootKeyBits + " bits are too weak for TLS stacks");
    }
    SecureRandom random = new SecureRandom();
    RsaKeys keys = new RsaKeys(random);
    int[] sizes = new int[6]; // root, its intermediate; FORT, ELEMENTAIRE, production-like
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = i % 2 == 0 ? rootKeyBits : INTERMEDIATE_KEY_BITS;
    }
    KeyPair[] caKeys = new KeyPair[sizes.length];
    try (ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(sizes.length, Math.max(2, Runtime.getRuntime().availableProcessors())))) {
      List<CompletableFuture<KeyPair>> futures = new ArrayList<>();
      for (int bits : sizes) {
        futures.add(CompletableFuture.supplyAsync(() -> keys.generate(bits), pool));
      }
      for (int i = 0; i < sizes.length; i++) {
        caKeys[i] = futures.get(i).join();
      }
    } catch (CompletionException e) {
      if (e.getCause() instanceof PkiGenerationException cause) {
        throw cause;
      }
      throw new PkiGenerationException("cannot generate the CA keys", e.getCause());
    }
    return new TestPki(clock, keys, new CertificateSigner(random), caKeys);
  }

  /** {@code TEST AC RACINE IGC-SANTE FORT}, the root of card certificates. */
  public X509Certificate fortRoot() {
    return fortRoot.certificate();
  }

  /** {@code TEST AC IGC-SANTE FORT PERSONNES}, which issues card certificates. */
  public X509Certificate fortPersons() {
    return fortPersons.certificate();
  }

  /** {@code TEST AC RACINE IGC-SANTE ELEMENTAIRE}, the root of server certificates. */
  public X509Certificate elementaryRoot() {
    return elementaryRoot.certificate();
  }

  /** {@code TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS}, which issues server certificates. */
  public X509Certificate elementaryOrganisations() {
    return elementaryOrganisations.certificate();
  }

  /** A fake {@code AC RACINE IGC-SANTE FORT (SIMULATED PRODUCTION)} root, trusted by no test. */
  public X509Certificate productionLikeRoot() {
    return productionLikeRoot.certificate();
  }

  /** The production-like root's persons CA, which issues production-like card certificates. */
  public X509Certificate productionLikePersons() {
    return productionLikePersons.certificate();
  }

  /**
   * Two fresh RSA-2048 key pairs with their authentication and signature certificates, issued by
   * {@code TEST AC IGC-SANTE FORT PERSONNES}. The certificates end on {@code identity.validUntil()}
   * at 23:59:59 UTC (three years after issue when null); an identity whose date is past yields
   * expired certificates that started three years before it.
   */
  public CardCredentials issueCard(CpsIdentity identity) {
    return issueCardUnder(fortPersons, identity);
  }

  /** Like {@link #issueCard}, under the production-like persons CA. */
  public CardCredentials issueCardFromProductionLikeRoot(CpsIdentity identity) {
    return issueCardUnder(productionLikePersons, identity);
  }

  /**
   * A fresh RSA-2048 TLS server key pair and certificate for {@code hostName}, issued by {@code
   * TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS} and valid for one year.
   */
  public ServerCredentials issueServer(String hostName) {
    KeyPair serverKeys = keys.generate(LEAF_KEY_BITS);
    Instant notBefore = clock.instant().minus(BACKDATE);
    Instant notAfter = clamp(notBefore.plus(Duration.ofDays(365)), elementaryOrganisations);
    X509Certificate certificate =
        issue(
            elementaryOrganisations,
            ServerCertificateProfile.server(hostName, serverKeys.getPublic(), notBefore, notAfter));
    return new ServerCredentials(serverKeys, certificate, elementaryOrganisations.chain());
  }

  /**
   * A fresh RSA-2048 establishment certificate ("ORG AUTH_CLI") for the structure {@code
   * structureId}, issued by {@code TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS} and valid for one
   * year: the server mode's TLS client certificate towards the DMP and its VIHF signer.
   */
  public ServerCredentials issueEstablishment(String label, String structureId, String organisation) {
    KeyPair establishmentKeys = keys.generate(LEAF_KEY_BITS);
    Instant notBefore = clock.instant().minus(BACKDATE);
    Instant notAfter = clamp(notBefore.plus(Duration.ofDays(365)), elementaryOrganisations);
    X509Certificate certificate =
        issue(
            elementaryOrganisations,
            EstablishmentCertificateProfile.establishment(label, structureId, organisation,
                establishmentKeys.getPublic(), notBefore, notAfter));
    return new ServerCredentials(establishmentKeys, certificate, elementaryOrganisations.chain());
  }

  private CardCredentials issueCardUnder(CertificateAuthority ca, CpsIdentity identity) {
    Instant notBefore = clock.instant().minus(BACKDATE);
    Instant notAfter =
        identity.validUntil() == null
            ? plusYears(notBefore, 3)
            : identity.validUntil().atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
    if (!notAfter.isAfter(notBefore)) {
      notBefore = plusYears(notAfter, -3);
    }
    notAfter = clamp(notAfter, ca);
    KeyPair authentication = keys.generate(LEAF_KEY_BITS);
    KeyPair signature = keys.generate(LEAF_KEY_BITS);
    X509Certificate authenticationCertificate =
        issue(
            ca,
            CardCertificateProfile.authentication(
                identity, authentication.getPublic(), notBefore, notAfter));
    X509Certificate signatureCertificate =
        issue(
            ca,
            CardCertificateProfile.signature(identity, signature.getPublic(), notBefore, notAfter));
    return new CardCredentials(
        authentication, authenticationCertificate, signature, signatureCertificate, ca.chain());
  }

  private CertificateAuthority root(X500Name name, KeyPair caKeys, Instant notBefore) {
    CertificateRequest request =
        CaProfile.root(name, caKeys.getPublic(), notBefore, plusYears(notBefore, 20));
    return new CertificateAuthority(caKeys, signer.sign(request, name, caKeys), null);
  }

  private CertificateAuthority intermediate(
      CertificateAuthority parent, X500Name name, KeyPair caKeys, Instant notBefore) {
    CertificateRequest request =
        CaProfile.intermediate(
            name, caKeys.getPublic(), notBefore, clamp(plusYears(notBefore, 10), parent));
    return new CertificateAuthority(caKeys, issue(parent, request), parent);
  }

  private X509Certificate issue(CertificateAuthority ca, CertificateRequest request) {
    X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
    return signer.sign(request, issuer, ca.keys());
  }

  private static Instant clamp(Instant notAfter, CertificateAuthority issuer) {
    Instant limit = issuer.certificate().getNotAfter().toInstant();
    return notAfter.isAfter(limit) ? limit : notAfter;
  }

  private static Instant plusYears(Instant instant, int years) {
    return instant.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
  }
}
