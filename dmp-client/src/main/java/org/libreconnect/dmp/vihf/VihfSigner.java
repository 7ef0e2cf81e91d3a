package org.libreconnect.dmp.vihf;

import java.security.GeneralSecurityException;
import java.util.List;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.libreconnect.dmp.xml.Ns;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs a VIHF in place (dmp.md §1.5): enveloped XML-DSig right after {@code Issuer}, one
 * reference to the assertion's {@code ID}, enveloped-signature and exclusive C14N transforms,
 * RSA-SHA256, the signer's certificate in {@code KeyInfo}. The assertion must already be in its
 * document's tree (the reference is resolved by ID).
 */
public final class VihfSigner {
  private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

  private VihfSigner() {}

  /** Signs {@code assertion} with {@code authentication}'s key. */
  public static void sign(Element assertion, IndirectAuthentication authentication) {
    try {
      // Namespace declarations made explicit, as the DMP sees them after parsing: the canonical
      // form signed here is then the one it verifies.
      assertion.getOwnerDocument().normalizeDocument();
      XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
      String id = assertion.getAttribute("ID");
      assertion.setIdAttribute("ID", true);
      Reference reference = factory.newReference("#" + id,
          factory.newDigestMethod(DigestMethod.SHA256, null),
          List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
              factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
          null, null);
      SignedInfo signedInfo = factory.newSignedInfo(
          factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
          factory.newSignatureMethod(RSA_SHA256, null), List.of(reference));
      KeyInfoFactory keys = factory.getKeyInfoFactory();
      var keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(authentication.signingCertificate()))));
      DOMSignContext context = new DOMSignContext(authentication.signingKey(), assertion, afterIssuer(assertion));
      context.setDefaultNamespacePrefix("ds");
      XMLSignature signature = factory.newXMLSignature(signedInfo, keyInfo);
      signature.sign(context);
    } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
      throw new IllegalStateException("cannot sign the VIHF with the establishment key", e);
    }
  }

  private static Node afterIssuer(Element assertion) {
    for (Node child = assertion.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && Ns.SAML2.equals(element.getNamespaceURI())
          && "Issuer".equals(element.getLocalName())) {
        return element.getNextSibling();
      }
    }
    return assertion.getFirstChild();
  }
}
