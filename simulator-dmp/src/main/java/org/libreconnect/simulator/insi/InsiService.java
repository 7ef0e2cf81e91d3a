package org.libreconnect.simulator.insi;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.libreconnect.simulator.insi.InsiDirectory.Identity;
import org.libreconnect.simulator.insi.InsiRequestCheck.Refused;
import org.libreconnect.simulator.insi.InsiRequestCheck.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * The simulated INSi's answers: checks the request, searches the directory and writes the
 * {@code RESULTAT} (CR 00 with the individual, 01 none, 02 several), or the fault.
 */
final class InsiService {
  private static final Logger log = LoggerFactory.getLogger(InsiService.class);
  static final String RESULTAT = "http://www.cnamts.fr/INSiResultat";

  /** An answer: the SOAP envelope and whether it is a fault (HTTP 500). */
  record Answer(String envelope, boolean fault) {
    byte[] bytes() {
      return envelope.getBytes(StandardCharsets.UTF_8);
    }
  }

  private final InsiRequestCheck check;
  private final InsiDirectory directory;
  private final Clock clock;

  InsiService(InsiRequestCheck check, InsiDirectory directory, Clock clock) {
    this.check = check;
    this.directory = directory;
    this.clock = clock;
  }

  Answer answer(byte[] request, Optional<X509Certificate> client) {
    try {
      Search search = check.check(parse(request).getDocumentElement(), client, clock.instant());
      List<Identity> found = switch (search) {
        case InsiRequestCheck.Traits t -> directory.byTraits(t.name(), t.given(), t.sex(), t.date(), t.place());
        case InsiRequestCheck.Vitale v -> directory.byVitale(v.ownNir(), v.ownKey(), v.insuredNir(), v.insuredKey(),
            v.date(), v.rank());
      };
      log.info("insi.answer operation={} found={}", search.getClass().getSimpleName(), found.size());
      return new Answer(resultat(found), false);
    } catch (Refused refused) {
      log.info("insi.refused code={}", refused.fault.detailCode());
      return new Answer(fault(refused.fault), true);
    }
  }

  private static Document parse(byte[] request) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(request));
    } catch (Exception e) {
      throw new Refused(InsiFault.invalidRequest("the request is not well-formed XML"));
    }
  }

  static String resultat(List<Identity> found) {
    StringWriter out = new StringWriter();
    out.append("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>")
        .append("<ns2:RESULTAT xmlns:ns2=\"").append(RESULTAT).append("\"><ns2:CR>");
    if (found.size() == 1) {
      Identity identity = found.get(0);
      out.append("<ns2:CodeCR>00</ns2:CodeCR><ns2:LibelleCR>OK</ns2:LibelleCR></ns2:CR><ns2:INDIVIDU><ns2:INSACTIF>")
          .append("<ns2:IdIndividu><ns2:NumIdentifiant>").append(identity.nir()).append("</ns2:NumIdentifiant>")
          .append("<ns2:Cle>").append(identity.key()).append("</ns2:Cle></ns2:IdIndividu>")
          .append("<ns2:OID>").append(identity.oid()).append("</ns2:OID></ns2:INSACTIF><ns2:TIQ>")
          .append("<ns2:NomNaissance>").append(identity.birthName()).append("</ns2:NomNaissance>")
          .append("<ns2:Prenom>").append(identity.givenNames().split(" ")[0]).append("</ns2:Prenom>")
          .append("<ns2:ListePrenom>").append(identity.givenNames()).append("</ns2:ListePrenom>")
          .append("<ns2:Sexe>").append(identity.sex()).append("</ns2:Sexe>")
          .append("<ns2:DateNaissance>").append(identity.birthDate()).append("</ns2:DateNaissance>")
          .append("<ns2:LieuNaissance>").append(identity.birthPlace()).append("</ns2:LieuNaissance>")
          .append("</ns2:TIQ></ns2:INDIVIDU>");
    } else if (found.isEmpty()) {
      out.append("<ns2:CodeCR>01</ns2:CodeCR><ns2:LibelleCR>Aucune identite trouvee</ns2:LibelleCR></ns2:CR>");
    } else {
      out.append("<ns2:CodeCR>02</ns2:CodeCR><ns2:LibelleCR>Plusieurs identites trouvees</ns2:LibelleCR></ns2:CR>");
    }
    return out.append("</ns2:RESULTAT></soap:Body></soap:Envelope>").toString();
  }

  static String fault(InsiFault fault) {
    return "<S:Envelope xmlns:S=\"http://www.w3.org/2003/05/soap-envelope\"><S:Body><S:Fault><S:Code><S:Value>"
        + (fault.sender() ? "S:Sender" : "S:Receiver") + "</S:Value><S:Subcode><S:Value xmlns:siram=\"urn:siram\">siram:"
        + fault.subcode() + "</S:Value></S:Subcode></S:Code><S:Reason><S:Text xml:lang=\"fr\">" + escape(fault.reason())
        + "</S:Text></S:Reason><S:Detail><siram:Erreur xmlns:siram=\"urn:siram\" severite=\"erreur\" code=\""
        + fault.detailCode() + "\">" + escape(fault.detail()) + "</siram:Erreur></S:Detail></S:Fault></S:Body></S:Envelope>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
