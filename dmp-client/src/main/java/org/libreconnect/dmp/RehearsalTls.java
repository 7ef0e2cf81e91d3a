package org.libreconnect.dmp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.libreconnect.pkcs11.tls.CardTlsPolicy;

/**
 * The loopback rehearsal's TLS: a key made for the rehearsal alone (RSA, as the DMP's chains
 * are), in memory, and a certificate for {@code 127.0.0.1} that it signs itself; both ends of the
 * rehearsal use it, the server asking for the client's certificate as the DMP does. Nothing is
 * written, nothing else trusts it, and it is gone with the rehearsal.
 */
record RehearsalTls(SSLContext server, SSLContext client, X509Certificate certificate) {
  private static final char[] PASSWORD = "rehearsal".toCharArray();
  private static final AlgorithmIdentifier SHA256_RSA =
      new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);

  static RehearsalTls create() throws GeneralSecurityException, IOException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X509Certificate certificate = selfSigned(keys);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("rehearsal", keys.getPrivate(), PASSWORD, new java.security.cert.Certificate[] {certificate});
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(store, PASSWORD);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext server = SSLContext.getInstance(CardTlsPolicy.PROTOCOL);
    server.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
    SSLContext client = SSLContext.getInstance(CardTlsPolicy.PROTOCOL);
    client.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
    return new RehearsalTls(server, client, certificate);
  }

  private static X509Certificate selfSigned(KeyPair keys) throws GeneralSecurityException, IOException {
    X500Name name = new X500Name("CN=LibreConnect rehearsal");
    Instant now = Instant.now();
    V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
    tbs.setSerialNumber(new ASN1Integer(BigInteger.ONE));
    tbs.setIssuer(name);
    tbs.setSubject(name);
    tbs.setStartDate(new Time(Date.from(now.minus(Duration.ofHours(1)))));
    tbs.setEndDate(new Time(Date.from(now.plus(Duration.ofHours(1)))));
    tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
    tbs.setSignature(SHA256_RSA);
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    extensions.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    tbs.setExtensions(extensions.generate());
    TBSCertificate toSign = tbs.generateTBSCertificate();
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(keys.getPrivate());
    signature.update(toSign.getEncoded(ASN1Encoding.DER));
    Certificate certificate = Certificate.getInstance(
        new DERSequence(new ASN1Encodable[] {toSign, SHA256_RSA, new DERBitString(signature.sign())}));
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(certificate.getEncoded(ASN1Encoding.DER)));
  }
}
