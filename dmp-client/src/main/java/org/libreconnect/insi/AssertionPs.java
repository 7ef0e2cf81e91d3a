package org.libreconnect.insi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;

/**
 * The signed SAML 2 assertion ("assertion PS") that the INSi {@code wsse:Security} header carries,
 * in the shape of the official example request: issuer = the subject of the card's signature
 * certificate, subject = the holder's national id qualified {@code CPS}, one attribute
 * {@code identifiantFacturation} (the billing number of {@code LpsInfos}), and an enveloped
 * XML-DSig signature (exclusive C14N, RSA-SHA256, SHA-256 digest) made with the card's signature
 * key, its certificate in {@code KeyInfo}.
 *
 * <p>Like the DMP submission-set signature, the signed parts are written directly in their
 * exclusive canonical form, so the bytes given to the card are exactly what a verifier
 * canonicalises, and no XML-DSig library needs the private key.
 */
public final class AssertionPs {
  static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
  static final String DS = "http://www.w3.org/2000/09/xmldsig#";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String XS = "http://www.w3.org/2001/XMLSchema";
  static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
  static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
  static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
  static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
  static final String X509_SUBJECT = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * The assertion, as XML text.
   *
   * @param holderId the holder's national id (PS_IdNat), the {@code NameID}
   * @param billingNumber the {@code identifiantFacturation} attribute; omitted when empty
   * @param certificate the card's signature certificate
   * @param signer RSA PKCS#1 v1.5 SHA-256 with the signature key
   */
  public String build(String holderId, String billingNumber, X509Certificate certificate, Instant now,
      Function<byte[], byte[]> signer) {
    String id = "_" + UUID.randomUUID();
    String issuer = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    String content = "<saml2:Issuer Format=\"" + X509_SUBJECT + "\">" + escape(issuer) + "</saml2:Issuer>"
        + "<saml2:Subject><saml2:NameID NameQualifier=\"CPS\">" + escape(holderId) + "</saml2:NameID></saml2:Subject>";
    String attributes = billingNumber == null || billingNumber.isBlank() ? ""
        : "<saml2:AttributeStatement><saml2:Attribute Name=\"identifiantFacturation\">%s</saml2:Attribute>"
            + "</saml2:AttributeStatement>";
    String open = "<saml2:Assertion xmlns:saml2=\"" + SAML2 + "\" ID=\"" + id + "\" IssueInstant=\""
        + INSTANT.format(now) + "\" Version=\"2.0\">";
    // xmlns:xs is used only inside an attribute value: exclusive C14N does not render it.
    String canonicalValue = "<saml2:AttributeValue xmlns:xsi=\"" + XSI + "\" xsi:type=\"xs:string\">"
        + escape(blankToEmpty(billingNumber)) + "</saml2:AttributeValue>";
    String sentValue = "<saml2:AttributeValue xmlns:xs=\"" + XS + "\" xmlns:xsi=\"" + XSI
        + "\" xsi:type=\"xs:string\">" + escape(blankToEmpty(billingNumber)) + "</saml2:AttributeValue>";
    String canonical = open + content + (attributes.isEmpty() ? "" : attributes.formatted(canonicalValue))
        + "</saml2:Assertion>";
    String signedInfo = "<ds:SignedInfo xmlns:ds=\"" + DS + "\">"
        + "<ds:CanonicalizationMethod Algorithm=\"" + EXC_C14N + "\"></ds:CanonicalizationMethod>"
        + "<ds:SignatureMethod Algorithm=\"" + RSA_SHA256 + "\"></ds:SignatureMethod>"
        + "<ds:Reference URI=\"#" + id + "\"><ds:Transforms>"
        + "<ds:Transform Algorithm=\"" + ENVELOPED + "\"></ds:Transform>"
        + "<ds:Transform Algorithm=\"" + EXC_C14N + "\"></ds:Transform></ds:Transforms>"
        + "<ds:DigestMethod Algorithm=\"" + SHA256 + "\"></ds:DigestMethod>"
        + "<ds:DigestValue>" + digest(canonical.getBytes(StandardCharsets.UTF_8)) + "</ds:DigestValue>"
        + "</ds:Reference></ds:SignedInfo>";
    String value = Base64.getEncoder().encodeToString(signer.apply(signedInfo.getBytes(StandardCharsets.UTF_8)));
    String signature = "<ds:Signature xmlns:ds=\"" + DS + "\">" + signedInfo
        + "<ds:SignatureValue>" + value + "</ds:SignatureValue>"
        + "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + der(certificate)
        + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>";
    // The SAML schema puts the signature right after the Issuer.
    int afterIssuer = content.indexOf("</saml2:Issuer>") + "</saml2:Issuer>".length();
    return open + content.substring(0, afterIssuer) + signature + content.substring(afterIssuer)
        + (attributes.isEmpty() ? "" : attributes.formatted(sentValue)) + "</saml2:Assertion>";
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.strip();
  }

  static String digest(byte[] data) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String der(X509Certificate certificate) {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("unreadable signature certificate", e);
    }
  }

  /** Text escaping of canonical XML (also valid in attribute-free text of the sent form). */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#xD;");
  }
}
