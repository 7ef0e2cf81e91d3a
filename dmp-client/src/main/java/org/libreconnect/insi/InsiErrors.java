package org.libreconnect.insi;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libreconnect.dmp.errors.DmpAnswerException;
import org.libreconnect.dmp.errors.DmpApiException;
import org.libreconnect.dmp.errors.DmpErrors;
import org.libreconnect.dmp.time.TimeUnavailableException;
import org.libreconnect.dmp.transport.SoapFaultException;
import org.libreconnect.dmp.transport.TransportException;
import org.libreconnect.protocol.error.ErrorKind;

/**
 * Turns the INSi client's failures into JS2 errors: an INSi SOAP fault keeps the service's codes
 * (the SOAP subcode {@code siram_…} and the {@code siram:Erreur} code of its detail) and its
 * text; a network, proxy, TLS or time failure gets the same CurlErrors kinds as the DMP's, worded
 * for INSi. docs/insi.md has the table.
 */
public final class InsiErrors {
  static final String TYPE = "DMPErrors";

  /** The INSi service answered a SOAP fault. */
  public static final ErrorKind SOAP_FAULT = new ErrorKind(2, TYPE, 20, "InsiSoapFault");
  /** The INSi answer could not be read. */
  public static final ErrorKind INVALID_ANSWER = new ErrorKind(2, TYPE, 21, "InsiInvalidAnswer");
  /** {@code hl_checkInsIdentity}: INSi does not confirm the INS for these traits. */
  public static final ErrorKind IDENTITY_MISMATCH = new ErrorKind(2, TYPE, 22, "InsiIdentityMismatch");

  static final String REFUSED_CARD_HINT = "The INSi server refused the card during the TLS handshake. Likely cause:"
      + " a test card used against the production service, or a real card against the qualification service"
      + " (check the INSi URL and the card).";

  private static final Pattern DETAIL_CODE = Pattern.compile("Erreur[^>]*\\scode=\"([^\"]{1,40})\"");

  private InsiErrors() {}

  /** The JS2 exception for an INSi-side failure; anything else is returned unchanged. */
  public static RuntimeException translate(RuntimeException failure) {
    if (failure instanceof SoapFaultException fault) {
      String code = fault.subcode().isEmpty() ? fault.code() : fault.subcode();
      String detail = detailCode(fault);
      String codes = detail.isEmpty() ? code : code + "/" + detail;
      return new DmpApiException(SOAP_FAULT, "INSi error " + codes + ": " + fault.reason(),
          "code=" + code + (detail.isEmpty() ? "" : "; detail=" + detail) + "; fault=" + fault.code(), fault);
    }
    if (failure instanceof DmpAnswerException answer) {
      return new DmpApiException(INVALID_ANSWER, "Unexpected INSi answer: " + answer.getMessage(), "", answer);
    }
    if (failure instanceof TimeUnavailableException time) {
      return new DmpApiException(DmpErrors.TIMEOUT, time.getMessage()
          + ". INSi requests must be dated by a synchronised clock: check ntp/server or s_ntpIpOrUrl.",
          "time server=" + time.server(), time);
    }
    if (failure instanceof TransportException transport) {
      Throwable mapped = DmpErrors.network(transport, "INSi", REFUSED_CARD_HINT, "i_transactionsTimeout",
          endpoint -> ". Put its root in <home>/tls/insi-roots/");
      return mapped instanceof RuntimeException runtime ? runtime : failure;
    }
    return failure;
  }

  /** The {@code code} attribute of the fault detail's {@code siram:Erreur}, or "". */
  static String detailCode(SoapFaultException fault) {
    Matcher matcher = DETAIL_CODE.matcher(new String(fault.faultXml(), StandardCharsets.UTF_8));
    return matcher.find() ? matcher.group(1) : "";
  }
}
