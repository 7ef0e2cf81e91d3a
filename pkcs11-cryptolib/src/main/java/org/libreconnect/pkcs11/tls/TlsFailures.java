package org.libreconnect.pkcs11.tls;

import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.libreconnect.pkcs11.exceptions.CardException;
import org.libreconnect.pkcs11.exceptions.ClientCertificateRejectedException;
import org.libreconnect.pkcs11.exceptions.Operation;
import org.libreconnect.pkcs11.exceptions.Pkcs11Failures;
import org.libreconnect.pkcs11.exceptions.ServerNotTrustedException;
import org.libreconnect.pkcs11.exceptions.TlsHandshakeException;

/**
 * Turns a failed card-authenticated handshake (as thrown by the socket, engine or an HTTP client
 * wrapping them) into this module's exceptions: card and PKCS#11 failures first, then an untrusted
 * server (a PKIX path error on our side), then a refused client certificate (an alert the server
 * sent), and anything else as {@link TlsHandshakeException}.
 */
public final class TlsFailures {
  /** TLS alerts a server sends when it does not accept the client's certificate. */
  private static final List<String> CLIENT_CERTIFICATE_ALERTS = List.of(
      "bad_certificate", "unsupported_certificate", "certificate_revoked", "certificate_expired",
      "certificate_unknown", "unknown_ca", "access_denied", "certificate_required");
  private static final String ALERT = "Received fatal alert: ";
  private static final int MAX_CAUSES = 32;

  private TlsFailures() {}

  /** The exception that describes {@code failure}. */
  public static CardException map(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
      if (t instanceof CardException card) {
        return card;
      }
    }
    if (Pkcs11Failures.isPkcs11Failure(failure)) {
      return Pkcs11Failures.map(Operation.TLS_HANDSHAKE, failure);
    }
    depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
      if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
          || t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
        return new ServerNotTrustedException(
            "the TLS server's certificate is not trusted: " + t.getMessage(), failure);
      }
    }
    String alert = receivedAlert(failure);
    if (CLIENT_CERTIFICATE_ALERTS.contains(alert)) {
      return new ClientCertificateRejectedException(
          "the TLS server refused the card's certificate (alert " + alert + ")", failure);
    }
    if (closedByPeer(failure)) {
      return new TlsHandshakeException("the TLS handshake failed: the server closed the connection (it may"
          + " have refused the card's certificate): " + failure, failure);
    }
    return new TlsHandshakeException("the TLS handshake failed: " + failure, failure);
  }

  private static boolean closedByPeer(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
      if (t instanceof SocketException || t instanceof EOFException) {
        return true;
      }
    }
    return false;
  }

  /** The name in "Received fatal alert: name" from the first SSL exception saying so, or "". */
  private static String receivedAlert(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
      String message = t.getMessage();
      if (t instanceof SSLException && message != null && message.contains(ALERT)) {
        String rest = message.substring(message.indexOf(ALERT) + ALERT.length()).strip();
        int end = rest.indexOf(' ');
        return (end < 0 ? rest : rest.substring(0, end)).toLowerCase(Locale.ROOT);
      }
    }
    return "";
  }
}
