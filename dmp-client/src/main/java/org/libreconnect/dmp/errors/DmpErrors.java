package org.libreconnect.dmp.errors;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libreconnect.pkcs11.exceptions.CardException;
import org.libreconnect.pkcs11.exceptions.ClientCertificateRejectedException;
import org.libreconnect.pkcs11.exceptions.ServerNotTrustedException;
import org.libreconnect.pkcs11.exceptions.TlsHandshakeException;
import org.libreconnect.pkcs11.tls.TlsFailures;
import org.libreconnect.protocol.error.ErrorKind;
import org.libreconnect.dmp.time.TimeUnavailableException;
import org.libreconnect.dmp.transport.SoapFaultException;
import org.libreconnect.dmp.transport.TransportException;

/**
 * Turns the DMP client's failures into JS2 errors, keeping the DMP's own code and text (PRE_ERR):
 * a SOAP fault, an HL7 refusal, a status or an XDS error is an {@code API_ERROR} of type 2
 * (DMPErrors); a network, proxy, TLS or time-server failure is type 3 (CurlErrors, with the
 * libcurl code of the same failure) and says in words what happened. docs/dmp.md has the table.
 * Called by the worker's single error-mapping point.
 */
public final class DmpErrors {
  static final String DMP_TYPE = "DMPErrors";
  static final String NETWORK_TYPE = "CurlErrors";

  public static final ErrorKind SOAP_FAULT = new ErrorKind(2, DMP_TYPE, 1, "DmpSoapFault");
  public static final ErrorKind HL7_REFUSAL = new ErrorKind(2, DMP_TYPE, 2, "DmpHl7Refusal");
  public static final ErrorKind STATUS_REFUSAL = new ErrorKind(2, DMP_TYPE, 3, "DmpStatusRefusal");
  public static final ErrorKind XDS_ERROR = new ErrorKind(2, DMP_TYPE, 4, "DmpRegistryError");
  public static final ErrorKind INVALID_ANSWER = new ErrorKind(2, DMP_TYPE, 5, "DmpInvalidAnswer");

  public static final ErrorKind HOST_UNRESOLVED = new ErrorKind(3, NETWORK_TYPE, 6, "CouldntResolveHost");
  public static final ErrorKind CONNECT_FAILED = new ErrorKind(3, NETWORK_TYPE, 7, "CouldntConnect");
  public static final ErrorKind HTTP_ERROR = new ErrorKind(3, NETWORK_TYPE, 22, "HttpReturnedError");
  public static final ErrorKind TIMEOUT = new ErrorKind(3, NETWORK_TYPE, 28, "OperationTimedout");
  public static final ErrorKind RECEIVE_FAILED = new ErrorKind(3, NETWORK_TYPE, 56, "RecvError");
  public static final ErrorKind CLIENT_CERT_REFUSED = new ErrorKind(3, NETWORK_TYPE, 58, "SslCertProblem");
  public static final ErrorKind SERVER_NOT_TRUSTED = new ErrorKind(3, NETWORK_TYPE, 60, "PeerFailedVerification");

  /** What the JS2 guide says about a refused handshake. */
  static final String TEST_CARD_HINT = "The DMP server refused the card during the TLS handshake. Likely cause:"
      + " a test card used against the production DMP, or a real card against a test or training DMP"
      + " (check s_dmpUrl and the card).";

  /**
   * How the HTTP clients report a proxy that refused the tunnel: {@code Tunnel failed, got: 401}
   * (java.net.http), {@code Proxy returns "HTTP/1.1 407 Proxy Authentication Required"}
   * (HttpURLConnection); group 1 is the proxy's status.
   */
  private static final List<Pattern> PROXY_REFUSAL = List.of(
      Pattern.compile("Tunnel failed, got: (\\d{3})"),
      Pattern.compile("Proxy returns \"HTTP/[\\d.]+ (\\d{3})"),
      // a 407 in any other wording: the status as a number of its own, not the digits of a port
      // or an address in the message (https://127.0.0.1:40753/...)
      Pattern.compile("(?<![\\d:.])(407)(?![\\d.])"));

  private DmpErrors() {}

  /** The JS2 exception for a DMP-side failure; anything else is returned unchanged. */
  public static Throwable translate(Throwable failure) {
    if (failure instanceof SoapFaultException fault) {
      String code = fault.subcode().isEmpty() ? fault.code() : fault.subcode();
      return new DmpApiException(SOAP_FAULT, code + ": " + fault.reason(),
          "code=" + code + "; fault=" + fault.code() + (fault.subcode().isEmpty() ? "" : " / " + fault.subcode()),
          fault);
    }
    if (failure instanceof DmpRefusedException refused) {
      ErrorKind kind = switch (refused.source()) {
        case HL7_ACKNOWLEDGEMENT -> HL7_REFUSAL;
        case STATUS -> STATUS_REFUSAL;
        case XDS_REGISTRY -> XDS_ERROR;
      };
      return new DmpApiException(kind, refused.code() + ": " + refused.text(),
          "code=" + refused.code() + "; source=" + refused.source(), refused);
    }
    if (failure instanceof DmpAnswerException answer) {
      return new DmpApiException(INVALID_ANSWER, "Unexpected DMP answer: " + answer.getMessage(), "", answer);
    }
    if (failure instanceof TimeUnavailableException time) {
      return new DmpApiException(TIMEOUT, time.getMessage()
          + ". DMP requests must be dated by a synchronised clock: check ntp/server or s_ntpIpOrUrl.",
          "time server=" + time.server(), time);
    }
    if (failure instanceof TransportException transport) {
      return network(transport);
    }
    return failure;
  }

  /**
   * What to do about an untrusted DMP server, by environment: the root its chain must end in
   * (shipped with the connector: the production chain for the production DMP, the test chain for
   * the training DMPs) and the command that imports another one.
   */
  public static String trustHint(String endpoint) {
    String host;
    try {
      host = java.net.URI.create(endpoint).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    if (host == null) {
      return "";
    }
    if (host.equalsIgnoreCase(org.libreconnect.dmp.DmpUrls.PRODUCTION.getHost())) {
      return ". Its chain must end in AC RACINE IGC-SANTE ELEMENTAIRE (shipped) or in a root imported"
          + " with: libreconnect-admin dmp-root import --environment production --file <file>";
    }
    if (host.toLowerCase(java.util.Locale.ROOT).endsWith(".lps2.dmp.gouv.fr")) {
      return ". The training DMPs use the IGC-Santé test chain: it must end in TEST AC RACINE IGC-SANTE"
          + " ELEMENTAIRE (shipped) or in a root imported with: libreconnect-admin dmp-root import"
          + " --environment training --file <file>";
    }
    return ". Put its root in <home>/tls/dmp-roots/";
  }

  private static Throwable network(TransportException failure) {
    return network(failure, "DMP", TEST_CARD_HINT, "i_transactionsTimeout", DmpErrors::trustHint);
  }

  /**
   * The JS2 error of a network, proxy, TLS or timeout failure while calling a teleservice.
   *
   * @param service the service's name in messages ("DMP", "INSi")
   * @param refusedCardHint what to say when the server refuses the card during the handshake
   * @param timeoutKey the key that sets the deadline
   * @param trustHint what to do about an untrusted server, by endpoint
   */
  public static Throwable network(TransportException failure, String service, String refusedCardHint,
      String timeoutKey, java.util.function.UnaryOperator<String> trustHint) {
    String where = failure.endpoint();
    OptionalInt proxy = failure.httpStatus() == 407 ? OptionalInt.of(407) : proxyRefusal(failure);
    if (proxy.isPresent()) {
      int status = proxy.getAsInt();
      return api(RECEIVE_FAILED, "The proxy refused the connection to the " + service + " (HTTP " + status + ")"
          + (status == 401 || status == 407 ? ": check the proxy login and password" : ""), where, failure);
    }
    if (failure.httpStatus() > 0) {
      return api(HTTP_ERROR, "The " + service + " server answered HTTP " + failure.httpStatus()
          + " without a SOAP answer", where, failure);
    }
    if (has(failure, HttpTimeoutException.class) || has(failure, SocketTimeoutException.class)
        || mentions(failure, "timed out")) {
      return api(TIMEOUT, "The " + service + " did not answer in time (" + timeoutKey + ")", where, failure);
    }
    if (has(failure, UnknownHostException.class)) {
      return api(HOST_UNRESOLVED, "The " + service + " server (or the proxy) name cannot be resolved", where, failure);
    }
    // A server that refuses the client certificate may abort the handshake with an alert or just
    // drop the connection; both surface here, the second without an SSLException.
    if (has(failure, javax.net.ssl.SSLException.class) || mentions(failure, "handshake")) {
      CardException tls = TlsFailures.map(failure);
      if (tls instanceof ServerNotTrustedException) {
        return api(SERVER_NOT_TRUSTED, "The " + service + " server's certificate is not trusted by the connector"
            + trustHint.apply(where), where, failure);
      }
      if (tls instanceof ClientCertificateRejectedException || tls instanceof TlsHandshakeException) {
        return api(CLIENT_CERT_REFUSED, refusedCardHint, where + "; " + tls.getMessage(), failure);
      }
      return tls; // a card failure during the handshake: the card layer maps it
    }
    if (has(failure, ConnectException.class) || has(failure, NoRouteToHostException.class)) {
      return api(CONNECT_FAILED, "The connection to the " + service + " server (or the proxy) was refused", where,
          failure);
    }
    if (has(failure, IOException.class)) {
      return api(RECEIVE_FAILED, "The connection to the " + service + " broke: " + rootMessage(failure), where,
          failure);
    }
    return api(CONNECT_FAILED, "The " + service + " could not be reached: " + rootMessage(failure), where, failure);
  }

  private static DmpApiException api(ErrorKind kind, String message, String where, Throwable cause) {
    return new DmpApiException(kind, message, "endpoint=" + where, cause);
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static OptionalInt proxyRefusal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      for (Pattern pattern : PROXY_REFUSAL) {
        Matcher status = pattern.matcher(message);
        if (status.find()) {
          return OptionalInt.of(Integer.parseInt(status.group(1)));
        }
      }
    }
    return OptionalInt.empty();
  }

  private static boolean mentions(Throwable failure, String text) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
  }
}
