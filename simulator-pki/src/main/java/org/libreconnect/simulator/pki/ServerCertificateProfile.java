package org.libreconnect.simulator.pki;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.util.IPAddress;

/**
 * The content of a TLS server certificate: {@code CN=<host>}, the host in the subject alternative
 * names (as an IP address when it is one), serverAuth.
 */
final class ServerCertificateProfile {
  static final String ORGANISATION = "LIBRECONNECT SIMULATEUR DMP";

  private ServerCertificateProfile() {}

  /**
   * The request for {@code hostName}; the name {@code localhost} also gets {@code 127.0.0.1} and
   * {@code ::1}, as loopback servers are reached by either.
   */
  static CertificateRequest server(
      String hostName, PublicKey key, Instant notBefore, Instant notAfter) {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "FR")
            .addRDN(BCStyle.O, ORGANISATION)
            .addRDN(BCStyle.CN, hostName)
            .build();
    Set<String> names = new LinkedHashSet<>();
    names.add(hostName);
    if (hostName.equalsIgnoreCase("localhost")) {
      names.add("127.0.0.1");
      names.add("::1");
    }
    List<GeneralName> alternatives = new ArrayList<>();
    for (String name : names) {
      alternatives.add(
          IPAddress.isValid(name)
              ? new GeneralName(GeneralName.iPAddress, name)
              : new GeneralName(GeneralName.dNSName, name));
    }
    List<Extension> extensions =
        List.of(
            CertificateRequest.extension(
                Extension.basicConstraints, true, new BasicConstraints(false)),
            CertificateRequest.extension(
                Extension.keyUsage,
                true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)),
            CertificateRequest.extension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)),
            CertificateRequest.extension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(alternatives.toArray(GeneralName[]::new))),
            CertificateRequest.extension(
                Extension.certificatePolicies, false, CardCertificateProfile.testPolicy()));
    return new CertificateRequest(subject, key, notBefore, notAfter, extensions);
  }
}
