package org.libreconnect.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulation.identity.PracticeLocation;

/**
 * A private SoftHSM2 token holding the test doctor's CPS keys and holder data objects, written as
 * a card issuer would with {@code softhsm2-util} and {@code pkcs11-tool}. libsofthsm2 reads
 * {@code SOFTHSM2_CONF} once per process: Failsafe sets it for the test JVM, and the connector's
 * master and workers inherit it.
 */
final class SoftHsmToken {
  static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  static final String PIN = "1234";
  private static final String SO_PIN = "12345678";
  private static final Pattern REASSIGNED = Pattern.compile("reassigned to slot (\\d+)");

  private SoftHsmToken() {}

  /**
   * Writes {@code $SOFTHSM2_CONF} for a new token directory under {@code work} and provisions one
   * token labelled {@code label} with both key pairs of {@code card} (CKA_ID 20 authentication, 10
   * signature), their certificates and the data objects of {@code identity} that Cryptolib cards
   * expose ({@link CardDataObjects}).
   */
  static void provision(Path work, String label, CardCredentials card, CpsIdentity identity)
      throws IOException, java.security.GeneralSecurityException {
    Path config = configure(work);
    String slotId = initToken(config, label);
    write(config, work, slotId, "20", "CPS authentification",
        card.authenticationKeys().getPrivate().getEncoded(), card.authenticationCertificate().getEncoded());
    write(config, work, slotId, "10", "CPS signature",
        card.signatureKeys().getPrivate().getEncoded(), card.signatureCertificate().getEncoded());
    writeData(config, work, slotId, CardDataObjects.INFO_LABEL, CardDataObjects.info(identity), false);
    List<PracticeLocation> locations = identity.practiceLocations();
    for (int i = 0; i < locations.size(); i++) {
      writeData(config, work, slotId, CardDataObjects.activityLabel(i + 1),
          CardDataObjects.activity(locations.get(i)), true);
    }
  }

  /**
   * Writes {@code $SOFTHSM2_CONF} for a new token directory under {@code work} and provisions one
   * token labelled {@code label} with {@code key} and its certificate (CKA_ID 01), as an HSM holds
   * an establishment's key. Returns the token's slot id.
   */
  static String provisionKey(Path work, String label, java.security.PrivateKey key,
      java.security.cert.X509Certificate certificate) throws IOException, java.security.GeneralSecurityException {
    Path config = configure(work);
    String slotId = initToken(config, label);
    write(config, work, slotId, "01", label, key.getEncoded(), certificate.getEncoded());
    return slotId;
  }

  /** Writes {@code $SOFTHSM2_CONF} for a new token directory under {@code work}; returns its path. */
  private static Path configure(Path work) throws IOException {
    String configured = System.getenv("SOFTHSM2_CONF");
    if (configured == null || configured.isBlank()) {
      throw new IllegalStateException("SOFTHSM2_CONF is not set: run this IT through Failsafe");
    }
    Path tokens = Files.createDirectories(work.resolve("softhsm-tokens"));
    Path config = Path.of(configured);
    Files.createDirectories(config.getParent());
    Files.writeString(
        config, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    return config;
  }

  /** Initialises a token labelled {@code label} in the first free slot; returns the slot id. */
  private static String initToken(Path config, String label) throws IOException {
    Matcher slot = REASSIGNED.matcher(run(config, List.of("softhsm2-util", "--init-token", "--free",
        "--label", label, "--so-pin", SO_PIN, "--pin", PIN)));
    if (!slot.find()) {
      throw new IllegalStateException("softhsm2-util gave no slot");
    }
    return slot.group(1);
  }

  /** A CKO_DATA object of application {@code CPS}, private (readable after login) when asked. */
  private static void writeData(Path config, Path work, String slot, String label, byte[] value, boolean secret)
      throws IOException {
    Path file = Files.write(work.resolve(label + ".bin"), value);
    List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", LIBRARY.toString(), "--slot", slot,
        "--login", "--pin", PIN, "--write-object", file.toString(), "--type", "data", "--label", label,
        "--application-label", CardDataObjects.APPLICATION));
    if (secret) {
      command.add("--private");
    }
    run(config, command);
    Files.delete(file);
  }

  private static void write(
      Path config, Path work, String slot, String id, String label, byte[] pkcs8, byte[] certificate)
      throws IOException {
    Path key = Files.write(work.resolve("key-" + id + ".der"), pkcs8);
    Path cert = Files.write(work.resolve("cert-" + id + ".der"), certificate);
    List<String> tool = List.of("pkcs11-tool", "--module", LIBRARY.toString(), "--slot", slot,
        "--login", "--pin", PIN, "--write-object");
    run(config, concat(tool, key.toString(), "--type", "privkey", "--id", id, "--label", label, "--sensitive"));
    run(config, concat(tool, cert.toString(), "--type", "cert", "--id", id, "--label", label));
    Files.delete(key);
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  private static String run(Path config, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SOFTHSM2_CONF", config.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(command.get(0) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return output;
  }
}
