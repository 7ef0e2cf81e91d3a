package org.libreconnect.simulator.dmp;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Signs a VIHF as dmp.md §1.5 describes: enveloped, exclusive C14N, after the Issuer. */
final class VihfSigner {
  private VihfSigner() {}

  static String sign(String assertionXml, PrivateKey key, X509Certificate certificate)
      throws Exception {
    Document document = Xml.parse(assertionXml);
    Element assertion = document.getDocumentElement();
    assertion.setIdAttribute("ID", true);
    XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
    Reference reference = factory.newReference("#" + assertion.getAttribute("ID"),
        factory.newDigestMethod(DigestMethod.SHA256, null),
        List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
            factory.newTransform(CanonicalizationMethod.EXCLUSIVE,
                (TransformParameterSpec) null)),
        null, null);
    SignedInfo signedInfo = factory.newSignedInfo(
        factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
            (C14NMethodParameterSpec) null),
        factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
    KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
    Element subject = Xml.child(assertion, Namespaces.SAML2, "Subject").orElseThrow();
    DOMSignContext context = new DOMSignContext(key, assertion, subject);
    context.setDefaultNamespacePrefix("ds");
    factory.newXMLSignature(signedInfo,
        keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(certificate)))))
        .sign(context);
    return Xml.toString(assertion);
  }
}
