package org.libreconnect.dmp.errors;

import java.util.Objects;

/**
 * Thrown when the DMP answers without a SOAP fault but refuses the request: an HL7 V3
 * acknowledgement other than {@code AA}, a {@code status} other than {@code DMPOk}, or an XDS
 * {@code RegistryResponse} with status Failure. Code and text are the DMP's own.
 */
public final class DmpRefusedException extends RuntimeException {
  /** Where the refusal was read. */
  public enum Source {
    HL7_ACKNOWLEDGEMENT,
    STATUS,
    XDS_REGISTRY
  }

  private final Source source;
  private final String code;
  private final String text;

  public DmpRefusedException(Source source, String code, String text) {
    super(source + " " + code + ": " + text);
    this.source = Objects.requireNonNull(source, "source");
    this.code = code == null ? "" : code;
    this.text = text == null ? "" : text;
  }

  public Source source() {
    return source;
  }

  /** The DMP's error code, such as {@code DMPAccessDeniedByRightsService} or {@code XDSRegistryError}. */
  public String code() {
    return code;
  }

  /** The DMP's text, as sent. */
  public String text() {
    return text;
  }
}
