package org.libreconnect.simulator.dmp.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A document entry in the simulated registry and repository.
 *
 * @param entryUuid the registry's entryUUID ({@code urn:uuid:...}), what TD3.3 targets
 * @param metadata its XDS metadata
 * @param status its availability status
 * @param version its metadata version, from 1
 * @param submissionTime when it was submitted, {@code yyyyMMddHHmmss}
 * @param content the document's bytes
 */
public record StoredDocument(
    String entryUuid,
    DocumentMetadata metadata,
    DocumentStatus status,
    int version,
    String submissionTime,
    byte[] content) {

  public StoredDocument {
    Objects.requireNonNull(entryUuid, "entryUuid");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(content, "content");
    content = content.clone();
  }

  /** A copy of the document's bytes. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The SHA-1 of the content in lower-case hexadecimal, as XDS's {@code hash} slot. */
  public String hash() {
    return sha1Hex(content);
  }

  /** The content's size in bytes. */
  public long size() {
    return content.length;
  }

  /** This entry with another status. */
  public StoredDocument withStatus(DocumentStatus newStatus) {
    return new StoredDocument(entryUuid, metadata, newStatus, version, submissionTime, content);
  }

  /** This entry with new metadata, one version later. */
  public StoredDocument withMetadata(DocumentMetadata newMetadata) {
    return new StoredDocument(entryUuid, newMetadata, status, version + 1, submissionTime, content);
  }

  /** The SHA-1 of {@code bytes} in lower-case hexadecimal. */
  public static String sha1Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-1", e);
    }
  }

  @Override
  public String toString() {
    return "StoredDocument[" + entryUuid + ", " + status + ", v" + version + "]";
  }
}
