package org.libreconnect.pkcs11;

import java.util.List;
import java.util.Optional;
import org.libreconnect.pkcs11.direct.DataObject;
import org.libreconnect.pkcs11.direct.DirectCryptoki;
import org.libreconnect.pkcs11.direct.TokenInfo;
import org.libreconnect.pkcs11.exceptions.Operation;
import org.libreconnect.pkcs11.exceptions.Pkcs11Failures;
import org.libreconnect.pkcs11.holder.CpsDataObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SunPKCS11 hides about a module's token, read from the same library directly ({@link
 * DirectCryptoki}): token information (PIN counter flags, serial number), the slot description and
 * the CPS data objects. Failures are mapped like every other PKCS#11 failure.
 */
public final class TokenDetails {
  private static final Logger log = LoggerFactory.getLogger(TokenDetails.class);

  private final DirectCryptoki cryptoki;
  private final long slot;

  private TokenDetails(DirectCryptoki cryptoki, long slot) {
    this.cryptoki = cryptoki;
    this.slot = slot;
  }

  /**
   * The details view of {@code settings}' slot; empty (and logged) when the library cannot be
   * called directly, in which case the connector works with what SunPKCS11 shows.
   */
  static Optional<TokenDetails> open(ModuleSettings settings) {
    try {
      DirectCryptoki cryptoki = DirectCryptoki.open(settings.library());
      return Optional.of(new TokenDetails(cryptoki, cryptoki.slotId(settings.slot())));
    } catch (RuntimeException | LinkageError e) {
      log.warn("pkcs11.details.unavailable library={} reason={}", settings.library(), e.toString());
      return Optional.empty();
    }
  }

  /** The PKCS#11 slot ID. */
  public long slotId() {
    return slot;
  }

  /** {@code C_GetTokenInfo}. */
  public TokenInfo tokenInfo() {
    try {
      return cryptoki.tokenInfo(slot);
    } catch (RuntimeException e) {
      throw Pkcs11Failures.map(Operation.READ_DETAILS, e);
    }
  }

  /** The slot description (the reader name, for libraries on PC/SC). */
  public String slotDescription() {
    try {
      return cryptoki.slotDescription(slot);
    } catch (RuntimeException e) {
      throw Pkcs11Failures.map(Operation.READ_DETAILS, e);
    }
  }

  /**
   * The token's {@code CPS_INFO_PS} and {@code CPS_ACTIVITY_nn_PS} objects; the private ones only
   * while the token is logged in.
   */
  public List<DataObject> cpsDataObjects() {
    try {
      return cryptoki.dataObjects(slot, CpsDataObjects::isCpsLabel);
    } catch (RuntimeException e) {
      throw Pkcs11Failures.map(Operation.READ_DETAILS, e);
    }
  }
}
