package org.libreconnect.pkcs11.exceptions;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that reads low-level PKCS#11 failures and turns them into this package's
 * exceptions.
 *
 * <p>SunPKCS11 reports a library's return value as a {@code
 * sun.security.pkcs11.wrapper.PKCS11Exception} whose message is the {@code CKR_*} name (or
 * {@code 0x…} for a vendor code), usually wrapped in a {@code ProviderException}, a {@code
 * LoginException} or an {@code IOException}. That class is not exported by the JDK, so this
 * mapper reads the messages of the whole cause chain instead of calling {@code getErrorCode()}.
 * A few failures carry no return value and are recognised by SunPKCS11's own wording ("Token has
 * been removed", "slotListIndex is 2 but token only has 1 slots", "Library … does not exist",
 * "PKCS11 not found"). docs/cryptolib.md has the same table in plain language.
 */
public final class Pkcs11Failures {
  private static final Pattern RETURN_VALUE = Pattern.compile("\\bCKR_[A-Z0-9_]+\\b");
  private static final Pattern VENDOR_RETURN_VALUE = Pattern.compile("\\b0x[0-9A-Fa-f]{8}\\b");
  private static final Pattern SLOT_INDEX_OUT_OF_RANGE =
      Pattern.compile("slotListIndex is \\d+ but token only has \\d+ slots");
  private static final Pattern LIBRARY_MISSING = Pattern.compile("Library .+ does not exist");
  private static final String TOKEN_REMOVED_TEXT = "Token has been removed";
  private static final String NO_TOKEN_TEXT = "PKCS11 not found";
  private static final int MAX_CAUSES = 32;

  /** How each PKCS#11 return value is reported; anything else becomes {@link Pkcs11Exception}. */
  static final Map<String, Kind> BY_RETURN_VALUE = Map.ofEntries(
      entry("CKR_PIN_INCORRECT", Kind.PIN_INCORRECT),
      entry("CKR_PIN_INVALID", Kind.PIN_INCORRECT),
      entry("CKR_PIN_LEN_RANGE", Kind.PIN_INCORRECT),
      entry("CKR_PIN_LOCKED", Kind.PIN_LOCKED),
      entry("CKR_USER_NOT_LOGGED_IN", Kind.NOT_LOGGED_IN),
      entry("CKR_TOKEN_NOT_PRESENT", Kind.TOKEN_ABSENT),
      entry("CKR_DEVICE_REMOVED", Kind.TOKEN_REMOVED),
      entry("CKR_SESSION_CLOSED", Kind.TOKEN_REMOVED),
      entry("CKR_SESSION_HANDLE_INVALID", Kind.TOKEN_REMOVED),
      entry("CKR_SLOT_ID_INVALID", Kind.READER_NOT_FOUND));

  private Pkcs11Failures() {}

  /** The exception that describes {@code failure}, which happened during {@code operation}. */
  public static CardException map(Operation operation, Throwable failure) {
    List<Throwable> chain = causes(failure);
    for (Throwable t : chain) {
      if (t instanceof CardException known) {
        return known;
      }
    }
    Optional<String> returnValue = returnValue(failure);
    Kind kind = returnValue.map(rv -> BY_RETURN_VALUE.getOrDefault(rv, Kind.OTHER))
        .orElseGet(() -> byText(chain));
    if (kind == Kind.TOKEN_ABSENT) {
      kind = operation == Operation.LOAD_LIBRARY || operation == Operation.OPEN_TOKEN
          ? Kind.TOKEN_NOT_PRESENT
          : Kind.TOKEN_REMOVED;
    }
    if (kind == Kind.OTHER && operation == Operation.LOAD_LIBRARY) {
      kind = Kind.LIBRARY_LOAD;
    }
    String detail = returnValue.orElseGet(() -> detail(chain));
    return kind.create(operation.description() + " failed: " + kind.explanation + " (" + detail + ")",
        returnValue.orElse(null), failure);
  }

  /** Whether {@code failure} comes from the PKCS#11 library or SunPKCS11's token handling. */
  public static boolean isPkcs11Failure(Throwable failure) {
    return returnValue(failure).isPresent() || byText(causes(failure)) != Kind.OTHER;
  }

  /** The {@code CKR_*} name (or {@code 0x…} vendor code) found in the cause chain, if any. */
  public static Optional<String> returnValue(Throwable failure) {
    for (Throwable t : causes(failure)) {
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      Matcher named = RETURN_VALUE.matcher(message);
      if (named.find()) {
        return Optional.of(named.group());
      }
      Matcher vendor = VENDOR_RETURN_VALUE.matcher(message);
      if (t.getClass().getSimpleName().equals("PKCS11Exception") && vendor.find()) {
        return Optional.of(vendor.group());
      }
    }
    return Optional.empty();
  }

  private static Kind byText(List<Throwable> chain) {
    for (Throwable t : chain) {
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      if (message.contains(TOKEN_REMOVED_TEXT)) {
        return Kind.TOKEN_REMOVED;
      }
      if (SLOT_INDEX_OUT_OF_RANGE.matcher(message).find()) {
        return Kind.READER_NOT_FOUND;
      }
      if (LIBRARY_MISSING.matcher(message).find()) {
        return Kind.LIBRARY_NOT_FOUND;
      }
      if (message.equals(NO_TOKEN_TEXT)) {
        return Kind.TOKEN_NOT_PRESENT;
      }
    }
    return Kind.OTHER;
  }

  /** The most specific message in the chain, for support staff. */
  private static String detail(List<Throwable> chain) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      Throwable t = chain.get(i);
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return chain.get(chain.size() - 1).getClass().getSimpleName();
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** The exception families; {@link #TOKEN_ABSENT} is resolved by operation before use. */
  enum Kind {
    PIN_INCORRECT("the card refused the PIN"),
    PIN_LOCKED("the card's PIN is blocked"),
    NOT_LOGGED_IN("the PIN has not been presented"),
    TOKEN_ABSENT("no card"),
    TOKEN_NOT_PRESENT("no card in the reader"),
    TOKEN_REMOVED("the card was removed; reopen it once it is back"),
    READER_NOT_FOUND("no such reader or slot"),
    LIBRARY_NOT_FOUND("the library file does not exist"),
    LIBRARY_LOAD("the library could not be loaded"),
    OTHER("the PKCS#11 library reported an error");

    final String explanation;

    Kind(String explanation) {
      this.explanation = explanation;
    }

    CardException create(String message, String returnValue, Throwable cause) {
      return switch (this) {
        case PIN_INCORRECT -> new PinIncorrectException(message, OptionalInt.empty(), cause);
        case PIN_LOCKED -> new PinLockedException(message, cause);
        case NOT_LOGGED_IN -> new NotLoggedInException(message, cause);
        case TOKEN_ABSENT, TOKEN_NOT_PRESENT -> new TokenNotPresentException(message, cause);
        case TOKEN_REMOVED -> new TokenRemovedException(message, cause);
        case READER_NOT_FOUND -> new ReaderNotFoundException(message, cause);
        case LIBRARY_NOT_FOUND -> new LibraryNotFoundException(message, cause);
        case LIBRARY_LOAD -> new LibraryLoadException(message, cause);
        case OTHER -> new Pkcs11Exception(message, returnValue, cause);
      };
    }
  }
}
