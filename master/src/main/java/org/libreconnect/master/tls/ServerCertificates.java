package org.libreconnect.master.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.libreconnect.runtime.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS identity of the connector: a per-installation CA and a server certificate for the
 * configured host name (plus {@code localhost} and {@code 127.0.0.1}), generated at first start
 * and renewed before expiry. The CA's private key is discarded once the server certificate is
 * signed, so nothing on disk can issue more certificates; renewal makes a new CA.
 */
public final class ServerCertificates {
  private static final Logger log = LoggerFactory.getLogger(ServerCertificates.class);
  private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private final Path directory;
  private final String hostName;
  private final Clock clock;

  public ServerCertificates(Path directory, String hostName, Clock clock) {
    this.directory = directory;
    this.hostName = hostName;
    this.clock = clock;
  }

  public Path caCertificateFile() {
    return directory.resolve("ca.crt");
  }

  public Path chainFile() {
    return directory.resolve("server.crt");
  }

  public Path keyFile() {
    return directory.resolve("server.key");
  }

  /** The server key and chain, generated or renewed when needed. */
  public Material ensure() throws IOException, GeneralSecurityException {
    AtomicFiles.createDirectories(directory, AtomicFiles.Access.OWNER_ONLY);
    if (Files.exists(chainFile()) && Files.exists(keyFile())) {
      Material existing = load();
      String reason = reasonToRenew(existing.serverCertificate());
      if (reason == null) {
        return existing;
      }
      log.info("tls.renew reason=\"{}\"", reason);
    }
    return generate();
  }

  private String reasonToRenew(X509Certificate certificate) throws GeneralSecurityException {
    Instant now = clock.instant();
    if (certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
      return "certificate expires at " + certificate.getNotAfter().toInstant();
    }
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    boolean covered =
        names != null && names.stream().anyMatch(n -> hostName.equalsIgnoreCase(String.valueOf(n.get(1))));
    return covered ? null : "certificate does not name " + hostName;
  }

  private Material load() throws IOException, GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new ArrayList<>();
    try (var in = Files.newInputStream(chainFile())) {
      for (var certificate : factory.generateCertificates(in)) {
        chain.add((X509Certificate) certificate);
      }
    }
    String pem = Files.readString(keyFile(), StandardCharsets.US_ASCII);
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(base64)));
    return new Material(key, chain);
  }

  private Material generate() throws IOException, GeneralSecurityException {
    try {
      Instant now = clock.instant();
      SecureRandom random = new SecureRandom();
      KeyPair caKeys = ecKeys(random);
      X500Name caName = new X500Name("CN=LibreConnect local CA " + now.getEpochSecond() + ", O=LibreConnect");
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder ca =
          new JcaX509v3CertificateBuilder(
                  caName, serial(random), Date.from(now.minus(Duration.ofHours(1))),
                  Date.from(now.plus(CA_VALIDITY)), caName, caKeys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(Extension.subjectKeyIdentifier, false,
                  extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
      X509Certificate caCertificate = sign(ca, caKeys.getPrivate());

      KeyPair serverKeys = ecKeys(random);
      GeneralNames names =
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(isIpLiteral(hostName) ? GeneralName.iPAddress : GeneralName.dNSName, hostName),
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              });
      X509v3CertificateBuilder server =
          new JcaX509v3CertificateBuilder(
                  caName, serial(random), Date.from(now.minus(Duration.ofHours(1))),
                  Date.from(now.plus(SERVER_VALIDITY)), new X500Name("CN=" + hostName),
                  serverKeys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(Extension.extendedKeyUsage, false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false, names)
              .addExtension(Extension.authorityKeyIdentifier, false,
                  extensions.createAuthorityKeyIdentifier(caCertificate))
              .addExtension(Extension.subjectKeyIdentifier, false,
                  extensions.createSubjectKeyIdentifier(serverKeys.getPublic()));
      X509Certificate serverCertificate = sign(server, caKeys.getPrivate());

      AtomicFiles.write(keyFile(), ascii(pem(serverKeys.getPrivate())));
      AtomicFiles.write(chainFile(), ascii(pem(serverCertificate) + pem(caCertificate)));
      AtomicFiles.write(caCertificateFile(), ascii(pem(caCertificate)));
      log.info("tls.generated host={} expires={}", hostName, serverCertificate.getNotAfter().toInstant());
      return new Material(serverKeys.getPrivate(), List.of(serverCertificate, caCertificate));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("Cannot sign the connector certificate", e);
    }
  }

  private static KeyPair ecKeys(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    return generator.generateKeyPair();
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(127, random).add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static String pem(Object value) throws IOException {
    Writer text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(value instanceof PrivateKey key ? new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", key.getEncoded()) : value);
    }
    return text.toString();
  }

  private static byte[] ascii(String pem) {
    return pem.getBytes(StandardCharsets.US_ASCII);
  }

  /** The server's private key and its chain, leaf first. */
  public record Material(PrivateKey key, List<X509Certificate> chain) {
    public X509Certificate serverCertificate() {
      return chain.get(0);
    }

    public Instant expiresAt() {
      return serverCertificate().getNotAfter().toInstant();
    }
  }

  static boolean isIpLiteral(String host) {
    return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
  }
}
