package org.libreconnect.simulator.dmp.vihf;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.MarshalException;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.libreconnect.simulator.dmp.soap.DmpError;
import org.libreconnect.simulator.dmp.soap.DmpException;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/**
 * Checks a VIHF's enveloped XML signature (dmp.md §1.5): optional in direct mode, where the signer
 * must hold a signature (non-repudiation) certificate; mandatory in indirect mode, by a structure
 * certificate whose {@code OU} is the {@code Identifiant_Structure}. RSA-SHA1 and RSA-SHA256 are
 * both accepted, as the DMP does.
 */
final class VihfSignatureCheck {
  private static final String PREFIX = "Le certificat ayant signé le VIHF est invalide : ";
  private static final int NON_REPUDIATION = 1;

  private final List<X509Certificate> trustedIssuers;
  private final Clock clock;

  VihfSignatureCheck(List<X509Certificate> trustedIssuers, Clock clock) {
    this.trustedIssuers = List.copyOf(trustedIssuers);
    this.clock = clock;
  }

  /** The signer when the assertion is signed; refused when its signature or signer is not acceptable. */
  Optional<X509Certificate> check(SamlAssertion assertion, AuthenticationMode mode, String structureId) {
    Optional<Element> signature = assertion.signature();
    if (signature.isEmpty()) {
      if (mode.indirect()) {
        throw new DmpException(DmpError.INVALID_CERTIFICATE,
            "Le VIHF doit être signé par un certificat de la structure en authentification"
                + " indirecte");
      }
      return Optional.empty();
    }
    X509Certificate signer = signerCertificate(signature.get());
    verify(assertion, signature.get(), signer);
    checkSigner(signer, mode, structureId);
    return Optional.of(signer);
  }

  private X509Certificate signerCertificate(Element signature) {
    String base64 = Xml.descendant(signature, Namespaces.DSIG, "X509Certificate").map(Xml::text)
        .orElseThrow(() -> new DmpException(DmpError.INVALID_CERTIFICATE,
            PREFIX + "no certificate in KeyInfo"));
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
          new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new DmpException(DmpError.INVALID_CERTIFICATE, PREFIX + "unreadable certificate");
    }
  }

  private void verify(SamlAssertion assertion, Element signature, X509Certificate signer) {
    Element element = assertion.element();
    String id = element.getAttribute("ID");
    element.setIdAttribute("ID", true);
    try {
      DOMValidateContext context = new DOMValidateContext(signer.getPublicKey(), signature);
      // The DMP accepts RSA-SHA1 (2019 examples), which the JDK's secure validation refuses;
      // the references are checked by hand below instead.
      context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
      XMLSignature xmlSignature =
          XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
      List<?> references = xmlSignature.getSignedInfo().getReferences();
      if (references.size() != 1 || !("#" + id).equals(((Reference) references.get(0)).getURI())) {
        throw new DmpException(DmpError.VIHF_INVALID,
            "VIHF invalide : la signature doit porter sur l'assertion elle-même");
      }
      if (!xmlSignature.validate(context)) {
        throw new DmpException(DmpError.VIHF_INVALID, "VIHF invalide : signature incorrecte");
      }
    } catch (MarshalException | XMLSignatureException e) {
      throw new DmpException(DmpError.VIHF_INVALID, "VIHF invalide : signature illisible");
    }
  }

  private void checkSigner(X509Certificate signer, AuthenticationMode mode, String structureId) {
    try {
      signer.checkValidity(Date.from(clock.instant()));
    } catch (GeneralSecurityException e) {
      throw new DmpException(DmpError.INVALID_CERTIFICATE, PREFIX + "certificate expired");
    }
    if (!issuedByTrustedCa(signer)) {
      throw new DmpException(DmpError.INVALID_CERTIFICATE, PREFIX + "certificate not trusted");
    }
    if (mode.indirect()) {
      if (!structureId.equals(organisationalUnit(signer))) {
        throw new DmpException(DmpError.INVALID_CERTIFICATE,
            "Erreur d'authentification de la personne morale");
      }
      return;
    }
    boolean[] usage = signer.getKeyUsage();
    if (usage == null || usage.length <= NON_REPUDIATION || !usage[NON_REPUDIATION]) {
      throw new DmpException(DmpError.INVALID_CERTIFICATE);
    }
  }

  private boolean issuedByTrustedCa(X509Certificate signer) {
    for (X509Certificate issuer : trustedIssuers) {
      if (issuer.getSubjectX500Principal().equals(signer.getIssuerX500Principal())) {
        try {
          signer.verify(issuer.getPublicKey());
          return true;
        } catch (GeneralSecurityException e) {
          // another CA with the same name; keep looking
        }
      }
    }
    return false;
  }

  private static String organisationalUnit(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    for (RDN rdn : subject.getRDNs(BCStyle.OU)) {
      return IETFUtils.valueToString(rdn.getFirst().getValue());
    }
    return "";
  }
}
