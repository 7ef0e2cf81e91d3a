package org.libreconnect.worker.card;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.smartcardio.CardNotPresentException;
import org.libreconnect.pkcs11.exceptions.CardException;
import org.libreconnect.pkcs11.exceptions.ReaderNotFoundException;
import org.libreconnect.pkcs11.exceptions.TokenNotPresentException;
import org.libreconnect.pkcs11.exceptions.TokenRemovedException;

/**
 * The one place that reads PC/SC failures ({@code SCARD_*} return codes) and turns them into
 * typed card exceptions. The JDK reports them as a {@code javax.smartcardio.CardException} whose
 * cause, {@code sun.security.smartcardio.PCSCException} (not exported), carries the code's name as
 * its message; the simulator's in-process readers put the same names in their messages.
 */
public final class PcscFailures {
  private static final Pattern CODE = Pattern.compile("\\bSCARD_[EWF]_[A-Z_]+\\b");
  private static final int MAX_CAUSES = 16;

  /** What was being done, which decides what a missing card means. */
  public enum Step {
    /** Listing readers or waiting for their events. */
    READERS("reading the PC/SC readers"),
    /** Connecting to the card in a reader. */
    CONNECT("connecting to the card"),
    /** Exchanging commands with a connected card. */
    TRANSMIT("talking to the card");

    private final String description;

    Step(String description) {
      this.description = description;
    }
  }

  private PcscFailures() {}

  /**
   * The exception that describes {@code failure}, which happened during {@code step}.
   *
   * @param contextHeld whether this JVM had a working PC/SC context before (then a "no service"
   *     answer means the context died with a restart of the service)
   */
  public static CardException map(Step step, Throwable failure, boolean contextHeld) {
    if (failure instanceof CardException known) {
      return known;
    }
    String code = code(failure).orElse("");
    String what = step.description + " failed";
    if (failure instanceof CardNotPresentException) {
      return new TokenNotPresentException(what + ": no card in the reader", failure);
    }
    return switch (code) {
      case "SCARD_E_NO_SERVICE", "SCARD_E_SERVICE_STOPPED", "SCARD_E_NO_READERS_AVAILABLE" ->
          code.equals("SCARD_E_NO_READERS_AVAILABLE")
              ? new ReaderNotFoundException(what + ": no reader is connected (" + code + ")", failure)
              : contextHeld
                  ? new PcscContextLostException(
                      what + ": the PC/SC service stopped or restarted (" + code + ")", failure)
                  : new PcscUnavailableException(
                      what + ": the PC/SC service is not running (" + code + ")", failure);
      case "SCARD_W_REMOVED_CARD", "SCARD_E_NO_SMARTCARD" ->
          step == Step.TRANSMIT
              ? new TokenRemovedException(what + ": the card was removed (" + code + ")", failure)
              : new TokenNotPresentException(what + ": no card in the reader (" + code + ")", failure);
      case "SCARD_W_RESET_CARD" ->
          new TokenRemovedException(
              what + ": the card was reset by another program (" + code + ")", failure);
      case "SCARD_E_READER_UNAVAILABLE", "SCARD_E_UNKNOWN_READER" ->
          new ReaderNotFoundException(what + ": the reader is unplugged (" + code + ")", failure);
      case "SCARD_E_SHARING_VIOLATION" ->
          new CardAccessException(
              what + ": another program holds the card exclusively (" + code + ")", failure);
      case "SCARD_W_UNSUPPORTED_CARD", "SCARD_E_PROTO_MISMATCH", "SCARD_W_UNRESPONSIVE_CARD",
          "SCARD_W_UNPOWERED_CARD" ->
          new UnknownCardException(what + ": the card does not answer as expected (" + code + ")", failure);
      default -> new CardAccessException(what + " (" + detail(failure) + ")", failure);
    };
  }

  /** The {@code SCARD_*} name in the cause chain, or the innermost failure's class and message. */
  public static String detail(Throwable failure) {
    return code(failure)
        .orElseGet(
            () -> {
              Throwable innermost = failure;
              for (int i = 0; innermost.getCause() != null && i < MAX_CAUSES; i++) {
                innermost = innermost.getCause();
              }
              return innermost.getClass().getSimpleName()
                  + (innermost.getMessage() == null ? "" : ": " + innermost.getMessage());
            });
  }

  /** The {@code SCARD_*} name found in the messages of the cause chain, if any. */
  public static Optional<String> code(Throwable failure) {
    Throwable t = failure;
    for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
      if (t.getMessage() != null) {
        Matcher matcher = CODE.matcher(t.getMessage());
        if (matcher.find()) {
          return Optional.of(matcher.group());
        }
      }
    }
    return Optional.empty();
  }
}
