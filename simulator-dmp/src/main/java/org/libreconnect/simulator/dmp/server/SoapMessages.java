package org.libreconnect.simulator.dmp.server;

import jakarta.xml.soap.AttachmentPart;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import org.libreconnect.simulator.dmp.soap.Attachment;
import org.libreconnect.simulator.dmp.soap.ClientIdentity;
import org.libreconnect.simulator.dmp.soap.DmpRequest;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Document;

/** Converts between SAAJ messages (what CXF hands over) and the dispatcher's requests/answers. */
final class SoapMessages {
  private SoapMessages() {}

  /** The request in {@code message}, posted to {@code service} by {@code client}. */
  static DmpRequest request(
      SOAPMessage message, DmpService service, Optional<ClientIdentity> client)
      throws SOAPException {
    DOMResult copy = new DOMResult(Xml.newDocument());
    try {
      TransformerFactory.newDefaultInstance().newTransformer()
          .transform(message.getSOAPPart().getContent(), copy);
    } catch (TransformerException e) {
      throw new SOAPException("cannot read the SOAP envelope", e);
    }
    List<Attachment> parts = new ArrayList<>();
    Iterator<AttachmentPart> attachments = message.getAttachments();
    while (attachments.hasNext()) {
      AttachmentPart part = attachments.next();
      if (part.getContentId() == null) {
        continue;
      }
      try (InputStream in = part.getDataHandler().getInputStream()) {
        parts.add(new Attachment(part.getContentId(),
            part.getContentType() == null ? "application/octet-stream" : part.getContentType(),
            in.readAllBytes()));
      } catch (IOException e) {
        throw new SOAPException("cannot read an MTOM part", e);
      }
    }
    return new DmpRequest(service, (Document) copy.getNode(), Map.of(), client)
        .withAttachments(parts);
  }

  /** {@code response} as a SOAP 1.2 message, its parts as attachments. */
  static SOAPMessage message(DmpResponse response) throws SOAPException {
    SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL)
        .createMessage();
    message.getSOAPPart().setContent(new DOMSource(response.envelope()));
    for (Attachment attachment : response.attachments()) {
      AttachmentPart part = message.createAttachmentPart();
      part.setRawContentBytes(attachment.content(), 0, attachment.content().length,
          attachment.mimeType());
      part.setContentId("<" + attachment.contentId() + ">");
      message.addAttachmentPart(part);
    }
    message.saveChanges();
    return message;
  }
}
