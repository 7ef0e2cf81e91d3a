package org.libreconnect.simulator.dmp.store;

/** The availability status of a document entry (dmp.md §2.6, §2.9). */
public enum DocumentStatus {
  APPROVED("urn:oasis:names:tc:ebxml-regrep:StatusType:Approved"),
  DEPRECATED("urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated"),
  ARCHIVED("urn:asip:ci-sis:2010:StatusType:Archived"),
  DELETED("urn:asip:ci-sis:2010:StatusType:Deleted");

  private final String uri;

  DocumentStatus(String uri) {
    this.uri = uri;
  }

  /** The status URI used in XDS metadata. */
  public String uri() {
    return uri;
  }

  /** The status whose URI (or name) is {@code text}. */
  public static DocumentStatus fromUri(String text) {
    for (DocumentStatus status : values()) {
      if (status.uri.equals(text) || status.name().equalsIgnoreCase(text)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown document status");
  }
}
