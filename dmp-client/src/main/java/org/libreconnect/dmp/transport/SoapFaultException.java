package org.libreconnect.dmp.transport;

import java.util.Objects;

/**
 * Thrown when the DMP answers with a SOAP fault: its code ({@code soap:Sender}), subcode (the DMP
 * error code, such as {@code DMPInvalidCertificate}) and reason text, kept as the DMP sent them.
 */
public final class SoapFaultException extends RuntimeException {
  private final String code;
  private final String subcode;
  private final String reason;
  private final byte[] faultXml;

  public SoapFaultException(String code, String subcode, String reason, byte[] faultXml) {
    super("SOAP fault " + code + (subcode.isEmpty() ? "" : " / " + subcode) + ": " + reason);
    this.code = Objects.requireNonNull(code, "code");
    this.subcode = Objects.requireNonNull(subcode, "subcode");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.faultXml = faultXml.clone();
  }

  /** The fault code, such as {@code soap:Sender}. */
  public String code() {
    return code;
  }

  /** The subcode without its prefix, such as {@code DMPInvalidCertificate}; may be empty. */
  public String subcode() {
    return subcode;
  }

  /** The reason text, in French as the DMP wrote it. */
  public String reason() {
    return reason;
  }

  /** The fault element as received, for the transaction dump. */
  public byte[] faultXml() {
    return faultXml.clone();
  }
}
