package org.libreconnect.worker.card;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import org.libreconnect.pkcs11.exceptions.TokenRemovedException;
import org.libreconnect.pkcs11.holder.CpsHolder;
import org.libreconnect.pkcs11.holder.CpsPracticeLocation;
import org.libreconnect.pkcs11.holder.HolderSource;
import org.libreconnect.protocol.command.CpxCardStatus;
import org.libreconnect.simulation.card.CpsCardData;
import org.libreconnect.simulation.card.CpsCardLayout;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated CPS card reached through its own CPS commands, in simulation mode and in a real
 * PC/SC reader (vpcd): tries left by VERIFY without data, holder data from its files, signatures
 * padded by the host (PKCS#1 v1.5, DigestInfo SHA-256) and computed by the card in raw RSA. The
 * PIN verification ends after each command, unless {@link #unlock} kept it for the DMP's keys.
 */
final class SimulatedCpxCard implements CpxCard {
  private static final Logger log = LoggerFactory.getLogger(SimulatedCpxCard.class);

  private final String readerName;
  private final Card connection;
  private final SimulatedCpsApplication cps;
  private final CpsCardData.CardFile cardFile;
  private final Clock clock;
  private X509Certificate authenticationCertificate;
  private X509Certificate signatureCertificate;
  private SimulatedCardKeys keys;

  private SimulatedCpxCard(
      String readerName,
      Card connection,
      SimulatedCpsApplication cps,
      CpsCardData.CardFile cardFile,
      Clock clock) {
    this.readerName = readerName;
    this.connection = connection;
    this.cps = cps;
    this.cardFile = cardFile;
    this.clock = clock;
  }

  /**
   * The card in {@code terminal}, when it answers the simulated card's CPS application; empty for
   * any other card, and without a word to the card when the reader cannot hold the simulated card
   * ({@link CardTerminalsPort#mayHoldSimulatedCard}) or the card's ATR is not the simulated card's
   * ({@link SimulatedCpsApplication#select}).
   *
   * @throws org.libreconnect.pkcs11.exceptions.TokenNotPresentException when the reader is empty
   */
  static Optional<SimulatedCpxCard> open(CardTerminal terminal, CardTerminalsPort port, Clock clock) {
    if (!port.mayHoldSimulatedCard(terminal.getName())) {
      return Optional.empty();
    }
    boolean contextHeld = port.holdsPcscContext();
    Card connection = connect(terminal, contextHeld);
    Optional<SimulatedCpsApplication> selected = SimulatedCpsApplication.select(connection, contextHeld);
    if (selected.isEmpty()) {
      return Optional.empty();
    }
    SimulatedCpsApplication cps = selected.get();
    CpsCardData.CardFile file;
    try {
      file = CpsCardData.decodeCard(cps.readFile(CpsCardLayout.FID_CARD));
    } catch (IllegalArgumentException e) {
      throw new UnknownCardException("reading the card failed: its card file is malformed", e);
    }
    log.info(
        "card.opened reader=\"{}\" backend=apdu serial={} validUntil={}",
        terminal.getName(),
        file.serialNumber(),
        file.validUntil());
    return Optional.of(new SimulatedCpxCard(terminal.getName(), connection, cps, file, clock));
  }

  /** Connects to the card in {@code terminal} in shared mode, whatever the protocol. */
  static Card connect(CardTerminal terminal, boolean contextHeld) {
    try {
      return terminal.connect("*");
    } catch (javax.smartcardio.CardException e) {
      throw PcscFailures.map(PcscFailures.Step.CONNECT, e, contextHeld);
    }
  }

  @Override
  public Status status() {
    selectOrRemoved();
    int tries = cps.triesLeft();
    CpxCardStatus status =
        tries == 0
            ? CpxCardStatus.CardIsBlocked
            : expired() ? CpxCardStatus.CardIsExpired : CpxCardStatus.ValidCardInserted;
    return new Status(
        status,
        OptionalInt.of(tries),
        Optional.of(cardFile.validUntil()),
        Optional.of(cardFile.serialNumber()));
  }

  @Override
  public Reading read(char[] pin) {
    try {
      requireNotExpired();
      selectOrRemoved();
      cps.verify(pin);
      try {
        return reading();
      } finally {
        endVerification();
      }
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /**
   * Reads the card and leaves the PIN verified until {@link #close}: the keys returned have the
   * card compute raw RSA, on the card thread, for TLS and for submission-set signatures.
   */
  @Override
  public Unlocked unlock(char[] pin, CardExecutor thread) {
    try {
      requireNotExpired();
      selectOrRemoved();
      cps.verify(pin);
      boolean unlocked = false;
      try {
        Reading reading = reading();
        if (keys == null) {
          keys = new SimulatedCardKeys(reading.authentication(), reading.signature(),
              block -> thread.call(() -> rawRsa(CpsCardLayout.KEY_AUTHENTICATION, block)),
              block -> rawRsa(CpsCardLayout.KEY_SIGNATURE, block));
        }
        unlocked = true;
        return new Unlocked(reading, keys);
      } finally {
        if (!unlocked) {
          endVerification();
        }
      }
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private Reading reading() {
    CpsHolder holder = SimulatedCpsHolderFiles.read(cps);
    int tries = cps.triesLeft();
    return new Reading(
        holder, OptionalInt.of(tries), authenticationCertificate(), signatureCertificate());
  }

  @Override
  public Signature sign(char[] pin, byte[] data) {
    try {
      requireNotExpired();
      selectOrRemoved();
      X509Certificate certificate = signatureCertificate();
      cps.verify(pin);
      byte[] value;
      try {
        int modulusBytes = (((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength() + 7) / 8;
        byte[] block = Pkcs1Padding.sha256Block(Pkcs1Padding.sha256(data), modulusBytes);
        value = cps.sign(CpsCardLayout.KEY_SIGNATURE, block);
      } finally {
        endVerification();
      }
      if (!verifies(certificate, data, value)) {
        throw new CardAccessException("signing failed: the card's signature does not verify", null);
      }
      return new Signature(value, certificate);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  @Override
  public boolean isUsable() {
    try {
      return cps.reselect();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (keys != null) {
      keys.close();
      keys = null;
    }
    cps.logout();
    try {
      connection.disconnect(false);
    } catch (javax.smartcardio.CardException | IllegalStateException e) {
      log.debug("card.disconnect.ignored reader=\"{}\" reason={}", readerName, e.toString());
    }
  }

  /** Ends the PIN verification, unless unlocked keys still need it. */
  private void endVerification() {
    if (keys == null) {
      cps.logout();
    }
  }

  /** The card's raw RSA of {@code block} with key {@code reference} (the PIN is verified). */
  private byte[] rawRsa(byte reference, byte[] block) {
    selectOrRemoved();
    return cps.sign(reference, block);
  }

  private void selectOrRemoved() {
    if (!cps.reselect()) {
      throw new TokenRemovedException(
          "talking to the card failed: the card in the reader changed", null);
    }
  }

  private boolean expired() {
    return cardFile.validUntil().isBefore(LocalDate.now(clock));
  }

  private void requireNotExpired() {
    if (expired()) {
      throw new CardExpiredException(
          "the card expired on " + cardFile.validUntil() + "; it can no longer be used");
    }
  }

  private X509Certificate authenticationCertificate() {
    if (authenticationCertificate == null) {
      authenticationCertificate = certificate(CpsCardLayout.FID_AUTHENTICATION_CERTIFICATE);
    }
    return authenticationCertificate;
  }

  private X509Certificate signatureCertificate() {
    if (signatureCertificate == null) {
      signatureCertificate = certificate(CpsCardLayout.FID_SIGNATURE_CERTIFICATE);
    }
    return signatureCertificate;
  }

  private X509Certificate certificate(short fid) {
    byte[] der = cps.readFile(fid);
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new UnknownCardException("reading the card failed: a certificate is malformed", e);
    }
  }

  private static boolean verifies(X509Certificate certificate, byte[] data, byte[] value) {
    try {
      java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(data);
      return verifier.verify(value);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
