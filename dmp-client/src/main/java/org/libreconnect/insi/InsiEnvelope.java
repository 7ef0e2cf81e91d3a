package org.libreconnect.insi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;
import org.libreconnect.dmp.xml.Ns;
import org.libreconnect.dmp.xml.Xml;
import org.libreconnect.protocol.command.InsiCommands.LpsInfos;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds an INSi request envelope as the official example shows it: SOAP 1.2, headers {@code
 * ContexteBAM} (version 01_02, empty coverage), {@code wsa:MessageID}, {@code wsa:Action},
 * {@code ContexteLPS} (version 01_00, the software's {@code LpsInfos}) and {@code wsse:Security}
 * holding the signed assertion; the body is the search element.
 */
public final class InsiEnvelope {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * A new envelope.
   *
   * @param emitter the holder's national id ({@code Emetteur})
   * @param assertion the signed assertion, as XML text
   */
  public Document build(String action, String emitter, LpsInfos software, String assertion, Instant now,
      Function<Document, Element> body) {
    Document document = Xml.newDocument();
    Element envelope = Xml.add(document, Ns.SOAP12, "soap:Envelope");
    Element header = Xml.add(envelope, Ns.SOAP12, "soap:Header");
    String time = TIME.format(now);

    Element bam = Xml.add(header, InsiNs.CTX_BAM, "ctxbam:ContexteBAM");
    bam.setAttribute("Version", "01_02");
    Xml.add(bam, InsiNs.CTX_BAM, "ctxbam:Id", UUID.randomUUID().toString());
    Xml.add(bam, InsiNs.CTX_BAM, "ctxbam:Temps", time);
    Xml.add(bam, InsiNs.CTX_BAM, "ctxbam:Emetteur", emitter);
    Xml.add(bam, InsiNs.CTX_BAM, "ctxbam:COUVERTURE");

    Xml.add(header, Ns.WSA, "wsa:MessageID", "uuid:" + UUID.randomUUID());
    Xml.add(header, Ns.WSA, "wsa:Action", action);

    Element lps = Xml.add(header, InsiNs.CTX_LPS, "ctxlps:ContexteLPS");
    lps.setAttribute("Nature", "CTXLPS");
    lps.setAttribute("Version", "01_00");
    Xml.add(lps, InsiNs.CTX_LPS, "ctxlps:Id", UUID.randomUUID().toString());
    Xml.add(lps, InsiNs.CTX_LPS, "ctxlps:Temps", time);
    Xml.add(lps, InsiNs.CTX_LPS, "ctxlps:Emetteur", emitter);
    Element logiciel = Xml.add(lps, InsiNs.CTX_LPS, "ctxlps:LPS");
    Element idam = Xml.add(logiciel, InsiNs.CTX_LPS, "ctxlps:IDAM", software.idam());
    idam.setAttribute("R", software.numAm());
    Xml.add(logiciel, InsiNs.CTX_LPS, "ctxlps:Version", software.version());
    Xml.add(logiciel, InsiNs.CTX_LPS, "ctxlps:Instance", software.instance());
    Xml.add(logiciel, InsiNs.CTX_LPS, "ctxlps:Nom", software.name());

    Element security = Xml.add(header, Ns.WSSE, "wsse:Security");
    Element parsed = Xml.parse(assertion.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement();
    security.appendChild(document.importNode(parsed, true));

    Element soapBody = Xml.add(envelope, Ns.SOAP12, "soap:Body");
    soapBody.appendChild(body.apply(document));
    return document;
  }

  /** {@code RECSANSVITALE}: the search with identity traits. */
  public static Function<Document, Element> traits(IdentityTraits traits) {
    return document -> {
      Element search = document.createElementNS(InsiNs.REC_SANS, "ins:RECSANSVITALE");
      Xml.add(search, InsiNs.REC_SANS, "ins:NomNaissance", traits.birthName());
      Xml.add(search, InsiNs.REC_SANS, "ins:Prenom", traits.given());
      Xml.add(search, InsiNs.REC_SANS, "ins:Sexe", traits.sex());
      Xml.add(search, InsiNs.REC_SANS, "ins:DateNaissance", traits.birthDate());
      if (!traits.birthPlace().isEmpty()) {
        Xml.add(search, InsiNs.REC_SANS, "ins:LieuNaissance", traits.birthPlace());
      }
      return search;
    };
  }

  /** {@code RECVITALE}: the search with a Vitale card beneficiary. */
  public static Function<Document, Element> vitale(VitaleBeneficiary beneficiary) {
    return document -> {
      Element search = document.createElementNS(InsiNs.REC_VIT, "insv:RECVITALE");
      if (!beneficiary.nir().isEmpty()) {
        Element own = Xml.add(search, InsiNs.REC_VIT, "insv:MatriculeIndividu");
        Xml.add(own, InsiNs.REC_VIT, "insv:NumIdentifiant", beneficiary.nir());
        Xml.add(own, InsiNs.REC_VIT, "insv:Cle", beneficiary.nirKey());
      }
      Element insured = Xml.add(search, InsiNs.REC_VIT, "insv:MatriculeOD");
      Xml.add(insured, InsiNs.REC_VIT, "insv:NumIdentifiant", beneficiary.insuredNir());
      Xml.add(insured, InsiNs.REC_VIT, "insv:Cle", beneficiary.insuredNirKey());
      Xml.add(search, InsiNs.REC_VIT, "insv:NomNaissance", beneficiary.searchName());
      Xml.add(search, InsiNs.REC_VIT, "insv:DateNaissance", beneficiary.insiBirthDate());
      Xml.add(search, InsiNs.REC_VIT, "insv:RangNaissance", Integer.toString(beneficiary.rank()));
      return search;
    };
  }
}
