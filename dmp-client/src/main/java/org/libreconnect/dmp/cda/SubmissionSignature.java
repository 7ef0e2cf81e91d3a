package org.libreconnect.dmp.cda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;

/**
 * The XAdES signature document of a submission set (IHE DSG, dmp.md §2.8): an enveloping {@code
 * ds:Signature} over a {@code Manifest} that lists each document's uniqueId with its digest, and
 * over the XAdES {@code SignedProperties}; signed RSA-SHA256 with the card's signature key.
 *
 * <p>The signed parts are written directly in their exclusive canonical form (sorted attributes,
 * namespace declarations where exclusive C14N renders them, no self-closing tags), so the bytes
 * given to the card are exactly what a verifier canonicalises, with no XML-DSig library that would
 * need the private key itself.
 */
public final class SubmissionSignature {
  static final String DS = "http://www.w3.org/2000/09/xmldsig#";
  static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
  static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
  static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
  static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
  static final String PURPOSE_SOURCE = "1.2.840.10065.1.12.1.14";
  private static final DateTimeFormatter SIGNING_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /**
   * The signature document.
   *
   * @param documents each document's uniqueId (OID) and bytes, in order
   * @param certificate the signature certificate
   * @param signer RSA PKCS#1 v1.5 SHA-256 with the signature key
   */
  public byte[] sign(Map<String, byte[]> documents, X509Certificate certificate, Instant time,
      Function<byte[], byte[]> signer) {
    StringBuilder manifest = new StringBuilder();
    manifest.append("<ds:Manifest xmlns:ds=\"").append(DS).append("\" Id=\"IHEManifest\">");
    for (Map.Entry<String, byte[]> document : new LinkedHashMap<>(documents).entrySet()) {
      manifest.append("<ds:Reference URI=\"urn:oid:").append(document.getKey()).append("\">")
          .append(digestMethod(false)).append("<ds:DigestValue>").append(digest(document.getValue()))
          .append("</ds:DigestValue></ds:Reference>");
    }
    manifest.append("</ds:Manifest>");
    String signedProperties = signedProperties(certificate, time);
    String signedInfo = "<ds:SignedInfo xmlns:ds=\"" + DS + "\">"
        + "<ds:CanonicalizationMethod Algorithm=\"" + EXC_C14N + "\"></ds:CanonicalizationMethod>"
        + "<ds:SignatureMethod Algorithm=\"" + RSA_SHA256 + "\"></ds:SignatureMethod>"
        + reference("http://www.w3.org/2000/09/xmldsig#Manifest", "#IHEManifest", manifest.toString())
        + reference("http://uri.etsi.org/01903#SignedProperties", "#SignedProps", signedProperties)
        + "</ds:SignedInfo>";
    String value = Base64.getEncoder().encodeToString(signer.apply(signedInfo.getBytes(StandardCharsets.UTF_8)));
    String xml = "<ds:Signature xmlns:ds=\"" + DS + "\" Id=\"IHESignature\">" + signedInfo
        + "<ds:SignatureValue>" + value + "</ds:SignatureValue>"
        + "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + der(certificate)
        + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
        + "<ds:Object><xades:QualifyingProperties xmlns:xades=\"" + XADES + "\" Target=\"#IHESignature\">"
        + signedProperties + "</xades:QualifyingProperties></ds:Object>"
        + "<ds:Object>" + manifest + "</ds:Object>"
        + "<ds:Object><ds:SignatureProperties><ds:SignatureProperty Id=\"purposeOfSignature\""
        + " Target=\"#IHESignature\">" + PURPOSE_SOURCE + "</ds:SignatureProperty></ds:SignatureProperties></ds:Object>"
        + "</ds:Signature>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static String signedProperties(X509Certificate certificate, Instant time) {
    String ds = " xmlns:ds=\"" + DS + "\"";
    try {
      return "<xades:SignedProperties xmlns:xades=\"" + XADES + "\" Id=\"SignedProps\">"
          + "<xades:SignedSignatureProperties>"
          + "<xades:SigningTime>" + SIGNING_TIME.format(time) + "</xades:SigningTime>"
          + "<xades:SigningCertificate><xades:Cert><xades:CertDigest>"
          + digestMethod(true) + "<ds:DigestValue" + ds + ">" + digest(certificate.getEncoded()) + "</ds:DigestValue>"
          + "</xades:CertDigest><xades:IssuerSerial>"
          + "<ds:X509IssuerName" + ds + ">" + escape(certificate.getIssuerX500Principal().getName(X500Principal.RFC2253))
          + "</ds:X509IssuerName><ds:X509SerialNumber" + ds + ">" + certificate.getSerialNumber()
          + "</ds:X509SerialNumber></xades:IssuerSerial></xades:Cert></xades:SigningCertificate>"
          + "<xades:SignaturePolicyIdentifier><xades:SignaturePolicyImplied></xades:SignaturePolicyImplied>"
          + "</xades:SignaturePolicyIdentifier></xades:SignedSignatureProperties></xades:SignedProperties>";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("unreadable signature certificate", e);
    }
  }

  private static String reference(String type, String uri, String canonicalTarget) {
    return "<ds:Reference Type=\"" + type + "\" URI=\"" + uri + "\"><ds:Transforms><ds:Transform Algorithm=\""
        + EXC_C14N + "\"></ds:Transform></ds:Transforms>" + digestMethod(false) + "<ds:DigestValue>"
        + digest(canonicalTarget.getBytes(StandardCharsets.UTF_8)) + "</ds:DigestValue></ds:Reference>";
  }

  private static String digestMethod(boolean declare) {
    return "<ds:DigestMethod" + (declare ? " xmlns:ds=\"" + DS + "\"" : "") + " Algorithm=\"" + SHA256
        + "\"></ds:DigestMethod>";
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

  /** Text escaping of canonical XML. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#xD;");
  }
}
