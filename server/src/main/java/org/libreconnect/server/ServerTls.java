package org.libreconnect.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.libreconnect.config.RestServerConfig;
import org.libreconnect.runtime.AtomicFiles;

/**
 * The server mode's own TLS identity: the certificate and key {@code rest_server/tls} names (a
 * hospital's PKI), else a per-installation CA and server certificate made at first start in
 * {@code <home>/tls/server-mode/} (the CA key is discarded once it signed), for localhost, the
 * loopback addresses and the machine's name. Clients verify it with {@code --cacert ca.crt}.
 */
public final class ServerTls {
  private static final Duration VALIDITY = Duration.ofDays(397);

  private ServerTls() {}

  /** The directory of the generated material. */
  public static Path generatedDirectory(Path tlsDir) {
    return tlsDir.resolve("server-mode");
  }

  /**
   * The Netty server context: TLS 1.2/1.3, client certificates asked when a client CA is set;
   * Netty's default implementation, OpenSSL where the distribution's {@code netty-tcnative} loads
   * (Linux x86-64), else the JDK's (ADR 0033).
   */
  public static SslContext context(RestServerConfig config, Path tlsDir, Clock clock) throws IOException {
    Path certificate;
    Path key;
    if (config.tlsCertificate().isPresent() && config.tlsKey().isPresent()) {
      certificate = config.tlsCertificate().get();
      key = config.tlsKey().get();
    } else {
      Path directory = generatedDirectory(tlsDir);
      certificate = directory.resolve("server.crt");
      key = directory.resolve("server.key");
      if (!Files.isRegularFile(certificate) || !Files.isRegularFile(key)) {
        generate(directory, clock);
      }
    }
    SslContextBuilder builder = SslContextBuilder.forServer(certificate.toFile(), key.toFile())
        .protocols("TLSv1.3", "TLSv1.2");
    Optional<Path> clientCa = config.clientCa();
    if (clientCa.isPresent()) {
      builder.trustManager(clientCa.get().toFile()).clientAuth(ClientAuth.OPTIONAL);
    }
    return builder.build();
  }

  private static void generate(Path directory, Clock clock) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair caKeys = generator.generateKeyPair();
      KeyPair serverKeys = generator.generateKeyPair();
      Instant now = clock.instant();
      X500Name caName = new X500Name("CN=LibreConnect server mode CA " + now.getEpochSecond() + ",O=LibreConnect");
      JcaX509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), caName,
          caKeys.getPublic());
      ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate caCertificate = sign(ca, caKeys);
      JcaX509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName, serial(),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)),
          new X500Name("CN=localhost,O=LibreConnect"), serverKeys.getPublic());
      server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      server.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      String host = localHostName();
      GeneralName[] names = host == null
          ? new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")}
          : new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1"),
              new GeneralName(GeneralName.dNSName, host)};
      server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      X509Certificate serverCertificate = sign(server, caKeys);
      AtomicFiles.createDirectories(directory, AtomicFiles.Access.OWNER_ONLY);
      AtomicFiles.write(directory.resolve("server.key"), pem(serverKeys.getPrivate()), AtomicFiles.Access.OWNER_ONLY);
      AtomicFiles.write(directory.resolve("server.crt"), pem(serverCertificate, caCertificate), AtomicFiles.Access.OWNER_ONLY);
      AtomicFiles.write(directory.resolve("ca.crt"), pem(caCertificate), AtomicFiles.Access.OWNER_ONLY);
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IOException("cannot make the server mode's certificate", e);
    }
  }

  private static String localHostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.matches("[A-Za-z0-9.\\-]{1,253}") ? name : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static BigInteger serial() {
    return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair issuer)
      throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
  }

  private static byte[] pem(Object... objects) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object object : objects) {
        if (object instanceof java.security.PrivateKey key) {
          writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
        } else {
          writer.writeObject(object);
        }
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
