package org.libreconnect.simulator.card;

import org.libreconnect.simulation.card.CpsCardLayout;
import org.libreconnect.simulation.card.CpsCardData;
import com.licel.jcardsim.utils.AIDUtil;
import java.net.InetSocketAddress;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulation.identity.PracticeLocation;

/**
 * A simulated CPS card: the CPS and PIV applets installed in one jCardSim card and personalised
 * with an identity, its credentials and a PIN. Put it in an {@link InProcessReader} or connect it
 * to pcscd with a {@link VpcdCardConnection}.
 */
public final class SimulatedCard implements CardChip {
  /** The PIN of test cards. */
  public static final String DEFAULT_PIN = "1234";

  /**
   * The ATR ({@link CpsCardLayout#ATR_HEX}): a CPS4 contact card's structure, offering T=0 and T=1,
   * with historical bytes no real card has ({@code 00 12 25 00 64 80 'S' 'I' 'M' 00 90}).
   */
  public static final String ATR_HEX = CpsCardLayout.ATR_HEX;

  private final CpsIdentity identity;
  private final CardCredentials credentials;
  private final LocalDate validUntil;
  private final CpsCardSimulator simulator;
  private Object holder;

  private SimulatedCard(CpsIdentity identity, CardCredentials credentials, byte[] pin) {
    this.identity = identity;
    this.credentials = credentials;
    this.validUntil =
        identity.validUntil() != null
            ? identity.validUntil()
            : LocalDate.ofInstant(
                credentials.authenticationCertificate().getNotAfter().toInstant(), ZoneOffset.UTC);
    this.simulator = new CpsCardSimulator(HexFormat.of().parseHex(ATR_HEX));
    simulator.installApplet(AIDUtil.create(CpsCardLayout.cpsAid()), CpsApplet.class);
    simulator.installApplet(AIDUtil.create(CpsCardLayout.pivAid()), PivApplet.class);
    personalise(pin);
    simulator.reset();
  }

  /** A card with the {@linkplain #DEFAULT_PIN default PIN}. */
  public static SimulatedCard create(CpsIdentity identity, CardCredentials credentials) {
    return create(identity, credentials, DEFAULT_PIN.toCharArray());
  }

  /**
   * A card with {@code pin} (4 to 8 digits), which is copied onto the card and not kept here.
   *
   * @throws IllegalArgumentException when the PIN is not 4 to 8 digits
   */
  public static SimulatedCard create(
      CpsIdentity identity, CardCredentials credentials, char[] pin) {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(credentials, "credentials");
    if (pin.length < 4 || pin.length > 8) {
      throw new IllegalArgumentException("a PIN has 4 to 8 digits");
    }
    byte[] digits = new byte[pin.length];
    try {
      for (int i = 0; i < pin.length; i++) {
        if (pin[i] < '0' || pin[i] > '9') {
          throw new IllegalArgumentException("a PIN has only digits");
        }
        digits[i] = (byte) pin[i];
      }
      return new SimulatedCard(identity, credentials, digits);
    } finally {
      Arrays.fill(digits, (byte) 0);
    }
  }

  public CpsIdentity identity() {
    return identity;
  }

  public CardCredentials credentials() {
    return credentials;
  }

  /** The last valid day written on the card: the identity's, else the certificates' end (UTC). */
  public LocalDate validUntil() {
    return validUntil;
  }

  @Override
  public byte[] atr() {
    return simulator.getATR();
  }

  /** Sends one command APDU straight to the card (no reader) and returns the response APDU. */
  @Override
  public synchronized byte[] transmit(byte[] command) {
    return simulator.transmitCommand(command);
  }

  /** Resets the card as a power cycle does: no application selected, no PIN verified. */
  @Override
  public synchronized void reset() {
    simulator.reset();
  }

  /**
   * A reader in this JVM named {@code readerName}, alone in its own {@link InProcessTerminals},
   * empty until {@link InProcessReader#insert()}. For several readers use {@link
   * InProcessTerminals#reader}.
   */
  public InProcessReader inProcessReader(String readerName) {
    return InProcessReader.alone(readerName, this);
  }

  /** A connection to vpcd at {@code 127.0.0.1:35963} (the reader {@code Virtual PCD 00 00}). */
  public VpcdCardConnection vpcdConnection() {
    return vpcdConnection(VpcdCardConnection.DEFAULT_ADDRESS);
  }

  /** A connection to the vpcd port at {@code address}, not connected until {@code insert()}. */
  public VpcdCardConnection vpcdConnection(InetSocketAddress address) {
    return new VpcdCardConnection(this, address);
  }

  @Override
  public synchronized void claim(Object reader) {
    if (holder != null && holder != reader) {
      throw new IllegalStateException("the card is already in " + holder);
    }
    holder = reader;
  }

  @Override
  public synchronized void release(Object reader) {
    if (holder == reader) {
      holder = null;
    }
  }

  private void personalise(byte[] pin) {
    CardPersonaliser personaliser =
        new CardPersonaliser(command -> simulator.transmitCommand(command));
    personaliser.selectCpsApplication();
    personaliser.putFile(CpsCardLayout.FID_INFO, CpsCardData.info(identity));
    personaliser.putFile(CpsCardLayout.FID_CARD, CpsCardData.card(identity, validUntil));
    List<PracticeLocation> locations = identity.practiceLocations();
    for (int i = 0; i < locations.size(); i++) {
      personaliser.putFile(
          (short) (CpsCardLayout.FID_ACTIVITY_FIRST + i), CpsCardData.activity(locations.get(i)));
    }
    personaliser.putFile(
        CpsCardLayout.FID_SIGNATURE_CERTIFICATE, encoded(credentials.signatureCertificate()));
    personaliser.putFile(
        CpsCardLayout.FID_AUTHENTICATION_CERTIFICATE,
        encoded(credentials.authenticationCertificate()));
    personaliser.putFile(
        CpsCardLayout.FID_PIV_CHUID, PivChuid.encode(identity.cardSerialNumber(), validUntil));
    personaliser.importKey(
        CpsCardLayout.KEY_AUTHENTICATION,
        (RSAPrivateCrtKey) credentials.authenticationKeys().getPrivate());
    personaliser.importKey(
        CpsCardLayout.KEY_SIGNATURE, (RSAPrivateCrtKey) credentials.signatureKeys().getPrivate());
    personaliser.setPin(pin);
    personaliser.endPersonalisation();
  }

  private static byte[] encoded(java.security.cert.X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }
}
