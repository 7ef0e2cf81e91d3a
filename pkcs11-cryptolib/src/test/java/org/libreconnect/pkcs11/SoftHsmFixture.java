package org.libreconnect.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulation.identity.PracticeLocation;

/**
 * A private SoftHSM2 installation holding simulated CPS cards, one token per "reader".
 *
 * <p>libsofthsm2 reads {@code SOFTHSM2_CONF} from the environment, once, when SunPKCS11 first
 * initialises it in a JVM; Failsafe starts each IT class in its own JVM with that variable set to a
 * fixed path under {@code target/} (pkcs11-cryptolib/pom.xml). {@link #create} writes that file,
 * pointing at a fresh token directory, and every token must be provisioned before the first
 * {@code Pkcs11Module.load} of the class. Nothing under {@code /etc/softhsm} is read or written.
 * Tokens are filled with {@code softhsm2-util} and OpenSC's {@code pkcs11-tool}, as a card issuer
 * would, not through the code under test.
 */
final class SoftHsmFixture {
  static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  static final String USER_PIN = "1234";
  static final String SO_PIN = "12345678";
  /** Labels of the card objects, as the key store shows them (aliases). */
  static final String AUTHENTICATION_LABEL = "CPS authentification";
  static final String SIGNATURE_LABEL = "CPS signature";

  private static final Pattern REASSIGNED = Pattern.compile("reassigned to slot (\\d+)");
  private static final Pattern LISTED_SLOT = Pattern.compile("(?m)^Slot \\d+ \\(0x([0-9a-f]+)\\)");
  private static final Pattern LISTED_LABEL = Pattern.compile("(?m)^\\s+token label\\s+:\\s*(.*?)\\s*$");

  private final Path directory;
  private final Path config;
  private final Map<Long, String> labelsBySlot = new TreeMap<>();

  private SoftHsmFixture(Path directory, Path config) {
    this.directory = directory;
    this.config = config;
  }

  /** Writes {@code $SOFTHSM2_CONF} for a new, empty token directory under {@code work}. */
  static SoftHsmFixture create(Path work) throws IOException {
    String configured = System.getenv("SOFTHSM2_CONF");
    if (configured == null || configured.isBlank()) {
      throw new IllegalStateException("SOFTHSM2_CONF is not set: run the SoftHSM2 ITs through Maven Failsafe,"
          + " which sets it (pkcs11-cryptolib/pom.xml)");
    }
    if (!Files.isRegularFile(LIBRARY)) {
      throw new IllegalStateException(LIBRARY + " is missing: install softhsm2 and opensc"
          + " (scripts/install-test-packages.sh)");
    }
    Path tokens = Files.createDirectories(work.resolve("softhsm-tokens"));
    Path config = Path.of(configured);
    Files.createDirectories(config.getParent());
    Files.writeString(config, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    return new SoftHsmFixture(work, config);
  }

  /** Initialises a token labelled {@code label} (a reader name) with the test PINs; returns its slot ID. */
  long initToken(String label) throws IOException {
    String output = run(List.of("softhsm2-util", "--init-token", "--free", "--label", label,
        "--so-pin", SO_PIN, "--pin", USER_PIN));
    Matcher matcher = REASSIGNED.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("softhsm2-util gave no slot: " + output);
    }
    long slot = Long.parseLong(matcher.group(1));
    labelsBySlot.put(slot, label);
    return slot;
  }

  /**
   * Puts a CPS card on the token in {@code slot}: both key pairs (private keys sensitive, CKA_ID
   * {@code 20} authentication / {@code 10} signature), their certificates, the issuing CA
   * certificate when {@code withIssuer}, and the data objects {@code CPS_INFO_PS} (public) and
   * {@code CPS_ACTIVITY_01_PS} (private).
   */
  void provision(long slot, CardCredentials card, CpsIdentity identity, boolean withIssuer) throws IOException {
    Path files = Files.createDirectories(directory.resolve("card-" + slot));
    writeKey(slot, files, "auth", "20", AUTHENTICATION_LABEL, card.authenticationKeys().getPrivate().getEncoded(),
        encoded(card.authenticationCertificate()));
    writeKey(slot, files, "sign", "10", SIGNATURE_LABEL, card.signatureKeys().getPrivate().getEncoded(),
        encoded(card.signatureCertificate()));
    if (withIssuer) {
      Path issuer = write(files.resolve("issuer.der"), encoded(card.chain().get(0)));
      pkcs11(slot, "--write-object", issuer.toString(), "--type", "cert", "--id", "c0", "--label",
          "TEST AC IGC-SANTE FORT PERSONNES");
    }
    Path info = write(files.resolve("info.bin"), infoObject(identity));
    pkcs11(slot, "--write-object", info.toString(), "--type", "data", "--label", "CPS_INFO_PS",
        "--application-label", "CPS");
    Path activity = write(files.resolve("activity.bin"), activityObject(identity.practiceLocations().get(0)));
    pkcs11(slot, "--write-object", activity.toString(), "--type", "data", "--label", "CPS_ACTIVITY_01_PS",
        "--application-label", "CPS", "--private");
  }

  /** The token labels in the order of the library's slot list ({@code C_GetSlotList}, as pkcs11-tool prints it). */
  List<String> labelsInSlotListOrder() throws IOException {
    String listing = run(List.of("pkcs11-tool", "--module", LIBRARY.toString(), "--list-slots"));
    List<String> labels = new ArrayList<>();
    Matcher slots = LISTED_SLOT.matcher(listing);
    Matcher tokenLabels = LISTED_LABEL.matcher(listing);
    while (slots.find()) {
      if (tokenLabels.find(slots.end()) && labelsBySlot.containsKey(Long.parseLong(slots.group(1), 16))) {
        labels.add(tokenLabels.group(1));
      }
    }
    assertThat(labels).as("SoftHSM2 slot listing").hasSameSizeAs(labelsBySlot.values());
    return labels;
  }

  /** Settings loading SoftHSM2 for {@code slot}. */
  ModuleSettings settings(SlotSelection slot) {
    return ModuleSettings.of(LIBRARY, slot);
  }

  /** The objects on the token as {@code pkcs11-tool} lists them after login. */
  String listObjects(long slot) throws IOException {
    return pkcs11(slot, "--list-objects");
  }

  /** The configuration file written for this class. */
  Path config() {
    return config;
  }

  private void writeKey(long slot, Path files, String name, String id, String label, byte[] pkcs8, byte[] certificate)
      throws IOException {
    Path key = write(files.resolve(name + ".key.der"), pkcs8);
    Path cert = write(files.resolve(name + ".crt.der"), certificate);
    pkcs11(slot, "--write-object", key.toString(), "--type", "privkey", "--id", id, "--label", label, "--sensitive");
    pkcs11(slot, "--write-object", cert.toString(), "--type", "cert", "--id", id, "--label", label);
  }

  /** An assumed layout (ANS does not publish it): fields joined by '|', the specialty code last. */
  private static byte[] infoObject(CpsIdentity identity) {
    return String.join("|", identity.psIdNat(), identity.name(), identity.given(), identity.professionCode(),
        identity.cardSerialNumber(), identity.specialtyCode()).getBytes(StandardCharsets.UTF_8);
  }

  /** BER-TLV as reported from real cards: {@code EE { 84 name, 85 Struct_IdNat, 86 sector }}. */
  private static byte[] activityObject(PracticeLocation location) {
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    tlv(inner, 0x84, location.name().getBytes(StandardCharsets.UTF_8));
    tlv(inner, 0x85, location.structureId().getBytes(StandardCharsets.UTF_8));
    tlv(inner, 0x86, location.activitySector().getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream outer = new ByteArrayOutputStream();
    tlv(outer, 0xEE, inner.toByteArray());
    return outer.toByteArray();
  }

  private static void tlv(ByteArrayOutputStream out, int tag, byte[] value) {
    if (value.length > 127) {
      throw new IllegalArgumentException("value too long for a one-byte length");
    }
    out.write(tag);
    out.write(value.length);
    out.writeBytes(value);
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path write(Path file, byte[] content) throws IOException {
    return Files.write(file, content);
  }

  private String pkcs11(long slot, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", LIBRARY.toString(),
        "--slot", Long.toString(slot), "--login", "--pin", USER_PIN));
    command.addAll(List.of(arguments));
    return run(command);
  }

  private String run(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SOFTHSM2_CONF", config.toString());
    Process process = builder.start();
    try (InputStream output = process.getInputStream()) {
      String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(command.get(0) + " failed: " + text);
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    } finally {
      process.destroy();
    }
  }
}
