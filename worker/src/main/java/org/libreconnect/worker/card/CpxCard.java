package org.libreconnect.worker.card;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.libreconnect.pkcs11.holder.CpsHolder;
import org.libreconnect.protocol.command.CpxCardStatus;

/**
 * One open CPx card in one reader, whichever way it is reached: the simulated card's own commands
 * ({@link SimulatedCpxCard}) or a PKCS#11 library ({@link Pkcs11CpxCard}). Only the card thread calls
 * it. PIN arrays handed in are wiped before the call returns, on every path.
 */
public interface CpxCard extends AutoCloseable {

  /** The state of the card now (no PIN asked). */
  Status status();

  /**
   * Checks {@code pin}, then reads the holder data and both certificates.
   *
   * @throws CardExpiredException before trying the PIN when the card is known to be expired
   */
  Reading read(char[] pin);

  /**
   * Checks {@code pin}, then signs {@code data} (RSA PKCS#1 v1.5, SHA-256) with the signature key.
   * A card may keep its PIN session after a signature and check a later PIN against the one it
   * accepted; any other PIN is then checked by the card, which ends the kept session.
   */
  Signature sign(char[] pin, byte[] data);

  /**
   * Checks {@code pin} and reads the card like {@link #read}, then keeps the PIN session open until
   * {@link #close}: the keys returned sign without the PIN. {@code thread} runs the card work that
   * the keys start on other threads (a TLS handshake).
   */
  Unlocked unlock(char[] pin, CardExecutor thread);

  /**
   * Whether the card still answers in its reader; false once it was removed, after which the
   * card must be opened again.
   */
  boolean isUsable();

  /** Ends the PIN session and lets the card go. */
  @Override
  void close();

  /**
   * What {@code hl_getCpxStatus} reports.
   *
   * @param status valid, blocked or expired
   * @param triesLeft the PIN tries left, when the card tells
   * @param validUntil the last valid day, when known
   * @param serialNumber the card's serial number, when known
   */
  record Status(
      CpxCardStatus status,
      OptionalInt triesLeft,
      Optional<LocalDate> validUntil,
      Optional<String> serialNumber) {}

  /**
   * What {@code hl_readCpxCard} reports.
   *
   * @param holder the holder data
   * @param triesLeft the PIN tries left after the check
   * @param authentication the authentication certificate
   * @param signature the signature certificate
   */
  record Reading(
      CpsHolder holder,
      OptionalInt triesLeft,
      X509Certificate authentication,
      X509Certificate signature) {}

  /**
   * What {@code hl_signWithCpxCard} reports.
   *
   * @param value the RSA signature
   * @param certificate the certificate that verifies it
   */
  record Signature(byte[] value, X509Certificate certificate) {}

  /**
   * What {@link #unlock} gives.
   *
   * @param reading what the card holds
   * @param keys its keys, usable without the PIN
   */
  record Unlocked(Reading reading, CardKeys keys) {}
}
