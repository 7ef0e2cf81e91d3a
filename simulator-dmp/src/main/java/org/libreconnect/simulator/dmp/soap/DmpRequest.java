package org.libreconnect.simulator.dmp.soap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * One SOAP request as the dispatcher sees it, whatever carried it (HTTPS or a test).
 *
 * @param service the service path it was posted to
 * @param envelope the SOAP envelope, parsed namespace-aware
 * @param attachments the MTOM parts other than the envelope, by normalised Content-ID
 * @param client the TLS client's identity, empty in memory
 */
public record DmpRequest(
    DmpService service,
    Document envelope,
    Map<String, Attachment> attachments,
    Optional<ClientIdentity> client) {

  public DmpRequest {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(envelope, "envelope");
    attachments = Map.copyOf(attachments);
    Objects.requireNonNull(client, "client");
  }

  /** A request without attachments or TLS identity, parsed from {@code envelopeXml}. */
  public static DmpRequest of(DmpService service, String envelopeXml) {
    return new DmpRequest(service, Xml.parse(envelopeXml), Map.of(), Optional.empty());
  }

  /** The same request carrying {@code parts} as MTOM attachments. */
  public DmpRequest withAttachments(List<Attachment> parts) {
    Map<String, Attachment> byId = new LinkedHashMap<>(attachments);
    for (Attachment part : parts) {
      byId.put(part.contentId(), part);
    }
    return new DmpRequest(service, envelope, byId, client);
  }

  /** The same request as if sent by {@code identity} over TLS. */
  public DmpRequest withClient(ClientIdentity identity) {
    return new DmpRequest(service, envelope, attachments, Optional.of(identity));
  }

  /** The attachment a {@code cid:} reference points to. */
  public Optional<Attachment> attachment(String reference) {
    return Optional.ofNullable(attachments.get(Attachment.normalise(reference)));
  }
}
