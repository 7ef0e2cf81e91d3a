package org.libreconnect.worker.card;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.libreconnect.pkcs11.CpsToken;
import org.libreconnect.pkcs11.DigestAlgorithm;
import org.libreconnect.pkcs11.exceptions.PinIncorrectException;
import org.libreconnect.pkcs11.exceptions.PinLockedException;
import org.libreconnect.pkcs11.exceptions.TokenRemovedException;
import org.libreconnect.pkcs11.holder.CpsHolder;
import org.libreconnect.protocol.command.CpxCardStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CPx card reached through a PKCS#11 library (the Cryptolib CPS, OpenSC, SoftHSM2) by
 * SunPKCS11: holder data from the certificates completed by the card's data objects (read from the
 * library directly), or from the card's CPS application over PC/SC when the library shows no
 * practice location ({@link SimulatedCpsApplicationProbe}); PIN tries from PC/SC where the card lets, else
 * from the token flags, else unknown. A removed card kills the SunPKCS11 instance for good: the
 * card then reports itself unusable and the next {@code hl_getCpxCard} loads a new instance.
 *
 * <p>A signature keeps the token logged in, with its key handles, for the card's lifetime in the
 * worker: the next {@code hl_signWithCpxCard} presenting the same PIN ({@link PinVerifier}) signs
 * at once. Another PIN logs out first and is checked by the card, so a wrong PIN ends the kept
 * session and counts as a try; a removed card ends it too.
 */
final class Pkcs11CpxCard implements CpxCard {
  private static final Logger log = LoggerFactory.getLogger(Pkcs11CpxCard.class);

  private final String readerName;
  private final CpsToken token;
  private final SimulatedCpsApplicationProbe probe;
  private final InsertionMark mark;
  private final Clock clock;
  private LocalDate validUntil;
  private boolean gone;
  private boolean keptLoggedIn;
  /** The PIN the still logged-in token accepted; null when the next command must log in. */
  private PinVerifier accepted;

  Pkcs11CpxCard(
      String readerName, CpsToken token, SimulatedCpsApplicationProbe probe, InsertionMark mark, Clock clock) {
    this.readerName = readerName;
    this.token = token;
    this.probe = probe;
    this.mark = mark;
    this.clock = clock;
  }

  @Override
  public Status status() {
    if (!isUsable()) {
      throw new TokenRemovedException("reading the card status failed: the card was removed", null);
    }
    OptionalInt tries = triesLeft();
    CpxCardStatus status =
        tries.isPresent() && tries.getAsInt() == 0
            ? CpxCardStatus.CardIsBlocked
            : expired() ? CpxCardStatus.CardIsExpired : CpxCardStatus.ValidCardInserted;
    return new Status(status, tries, Optional.ofNullable(validUntil), Optional.empty());
  }

  @Override
  public Reading read(char[] pin) {
    try {
      accepted = null;
      login(pin);
      try {
        return reading();
      } finally {
        logoutQuietly();
      }
    } catch (TokenRemovedException e) {
      gone = true;
      throw e;
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /** Reads the card and keeps the token logged in: TLS and signatures then use the token itself. */
  @Override
  public Unlocked unlock(char[] pin, CardExecutor thread) {
    try {
      accepted = null;
      PinVerifier candidate = PinVerifier.of(pin);
      login(pin);
      boolean unlocked = false;
      try {
        Reading reading = reading();
        keptLoggedIn = true;
        accepted = candidate;
        unlocked = true;
        return new Unlocked(reading, new Pkcs11CardKeys(token));
      } finally {
        if (!unlocked) {
          logoutQuietly();
        }
      }
    } catch (TokenRemovedException e) {
      gone = true;
      throw e;
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  @Override
  public Signature sign(char[] pin, byte[] data) {
    try {
      if (accepted == null || !token.isLoggedIn() || !accepted.matches(pin)) {
        accepted = null;
        PinVerifier candidate = PinVerifier.of(pin);
        login(pin);
        accepted = candidate;
      }
      X509Certificate certificate = token.signatureCertificate();
      remember(token.authenticationCertificate());
      requireNotExpired();
      return new Signature(token.sign(data, DigestAlgorithm.SHA_256), certificate);
    } catch (TokenRemovedException e) {
      gone = true;
      accepted = null;
      throw e;
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  @Override
  public boolean isUsable() {
    if (gone || token.module().isClosed() || !token.module().isTokenPresent()
        || !mark.stillInserted()) {
      gone = true;
      return false;
    }
    return true;
  }

  @Override
  public void close() {
    accepted = null;
    try {
      token.close();
    } catch (RuntimeException e) {
      log.debug("card.close.ignored reader=\"{}\" reason={}", readerName, e.toString());
    }
  }

  private Reading reading() {
    CpsHolder holder = token.holderData();
    if (holder.practiceLocations().isEmpty()) {
      holder = probe.holderWhileVerified(readerName).orElse(holder);
    }
    X509Certificate authentication = token.authenticationCertificate();
    X509Certificate signature = token.signatureCertificate();
    remember(authentication);
    requireNotExpired();
    return new Reading(holder, triesAfterSuccess(), authentication, signature);
  }

  /** Ends the PIN session, unless unlocked keys still need it (the token then stays logged in). */
  private void logoutQuietly() {
    if (keptLoggedIn && token.isLoggedIn()) {
      return;
    }
    keptLoggedIn = false;
    accepted = null;
    try {
      token.logout();
    } catch (RuntimeException e) {
      log.debug("card.logout.ignored reader=\"{}\" reason={}", readerName, e.toString());
    }
  }

  /** Presents the PIN; a refusal is completed with the tries the card reports over PC/SC. */
  private void login(char[] pin) {
    try {
      token.login(pin);
    } catch (PinIncorrectException e) {
      OptionalInt tries = triesLeft();
      if (tries.isPresent() && tries.getAsInt() == 0) {
        throw new PinLockedException("checking the PIN failed: wrong PIN, the card is now blocked", e);
      }
      throw new PinIncorrectException(e.getMessage(), tries, e);
    }
  }

  private OptionalInt triesAfterSuccess() {
    OptionalInt tries = triesLeft();
    return tries.isPresent() ? tries : OptionalInt.of(SimulatedCpsApplicationProbe.TRY_LIMIT);
  }

  /** The tries left from the card's CPS application, else from the token flags; empty when neither tells. */
  private OptionalInt triesLeft() {
    OptionalInt tries = probe.triesLeft(readerName);
    return tries.isPresent() ? tries : token.pinTriesLeft(SimulatedCpsApplicationProbe.TRY_LIMIT);
  }

  private void remember(X509Certificate authentication) {
    validUntil = LocalDate.ofInstant(authentication.getNotAfter().toInstant(), ZoneOffset.UTC);
  }

  private boolean expired() {
    return validUntil != null && validUntil.isBefore(LocalDate.now(clock));
  }

  private void requireNotExpired() {
    if (expired()) {
      throw new CardExpiredException(
          "the card expired on " + validUntil + "; it can no longer be used");
    }
  }
}
