package org.libreconnect.simulator.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.libreconnect.testsupport.CardStack;

/**
 * The card as a separate process ({@code card-stack.sh start-card}, i.e. {@link VpcdCardMain}) in a
 * real pcscd reader, used through OpenSC's PIV driver and {@code opensc-pkcs11.so}.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenScPivIT {
  private static final String MODULE = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";
  private static final CardStack stack = new CardStack();
  private static Path certificates;
  private static String reader;

  @BeforeAll
  static void startStack() throws Exception {
    assertThat(Path.of(MODULE))
        .as("OpenSC PKCS#11 module (scripts/card-stack.sh install)")
        .exists();
    stack.startPcscd();
    certificates =
        Files.createTempDirectory(Files.createDirectories(stack.state()), "card-certificates");
    int port = freePort();
    reader = port == 35963 ? "Virtual PCD 00 00" : "Virtual PCD 00 01";
    CardStack.Result card =
        stack.run(
            "start-card",
            "-cp",
            System.getProperty("java.class.path"),
            "--port",
            Integer.toString(port),
            "--certificates",
            certificates.toString());
    assertThat(card.status()).as(card.output()).isZero();
    assertThat(card.output()).contains("card.ready", "psIdNat=899900063480");
    waitForReader(true);
  }

  @AfterAll
  static void stopStack() throws Exception {
    try {
      stack.run("stop-card");
    } finally {
      stack.stopPcscd();
    }
  }

  @Test
  @Order(1)
  void openScSeesAPivTokenWithBothCertificatesAndKeys() throws Exception {
    Tool.Result token = Tool.run("pkcs11-tool", "--module", MODULE, "-L");
    assertThat(token.output())
        .contains("token label", "PIV_II", "login required", "PIN initialized");

    Tool.Result objects = Tool.run("pkcs11-tool", "--module", MODULE, "-O");
    assertThat(objects.status()).as(objects.output()).isZero();
    assertThat(objects.output())
        .contains("Certificate for PIV Authentication", "Certificate for Digital Signature");

    Tool.Result privateKeys =
        Tool.run(
            "pkcs11-tool",
            "--module",
            MODULE,
            "--login",
            "--pin",
            "1234",
            "-O",
            "--type",
            "privkey");
    assertThat(privateKeys.status()).as(privateKeys.output()).isZero();
    assertThat(privateKeys.output()).contains("PIV AUTH key", "SIGN key");
  }

  @Test
  @Order(2)
  void signaturesMadeThroughOpenScVerifyWithTheCardCertificates() throws Exception {
    Path message =
        Files.writeString(
            certificates.resolve("message.txt"), "VIHF à signer", StandardCharsets.UTF_8);
    assertThat(sign("01", message, "SHA256-RSA-PKCS", certificate("card-authentication.pem")))
        .isTrue();
    assertThat(sign("02", message, "SHA256-RSA-PKCS", certificate("card-signature.pem"))).isTrue();
    assertThat(sign("01", message, "SHA256-RSA-PKCS-PSS", certificate("card-authentication.pem")))
        .as("PSS padded by OpenSC, raw RSA on the card (what TLS 1.3 needs)")
        .isTrue();
  }

  @Test
  @Order(3)
  void wrongPinThroughOpenScCostsATryAndTheRightOneRestoresThem() throws Exception {
    Tool.Result wrong =
        Tool.run(
            "pkcs11-tool",
            "--module",
            MODULE,
            "--login",
            "--pin",
            "0000",
            "-O",
            "--type",
            "privkey");
    assertThat(wrong.status()).isNotZero();
    assertThat(wrong.output()).contains("CKR_PIN_INCORRECT");
    Tool.Result right =
        Tool.run(
            "pkcs11-tool",
            "--module",
            MODULE,
            "--login",
            "--pin",
            "1234",
            "-O",
            "--type",
            "privkey");
    assertThat(right.status()).as(right.output()).isZero();
  }

  @Test
  @Order(4)
  void stoppingTheCardProcessRemovesTheCard() throws Exception {
    assertThat(stack.run("stop-card").status()).isZero();
    waitForReader(false);
  }

  private static boolean sign(
      String id, Path message, String mechanism, X509Certificate certificate) throws Exception {
    Path signature = certificates.resolve("signature-" + id + "-" + mechanism + ".bin");
    long start = System.nanoTime();
    Tool.Result result =
        Tool.run(
            "pkcs11-tool",
            "--module",
            MODULE,
            "--login",
            "--pin",
            "1234",
            "--sign",
            "--id",
            id,
            "-m",
            mechanism,
            "--input-file",
            message.toString(),
            "--output-file",
            signature.toString());
    System.out.printf(
        "timing pkcs11-tool --sign --id %s -m %s (whole process): %.1f ms%n",
        id, mechanism, (System.nanoTime() - start) / 1e6);
    assertThat(result.status()).as(result.output()).isZero();
    Signature verifier;
    if (mechanism.endsWith("PSS")) {
      verifier = Signature.getInstance("RSASSA-PSS");
      verifier.setParameter(
          new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    } else {
      verifier = Signature.getInstance("SHA256withRSA");
    }
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(Files.readAllBytes(message));
    return verifier.verify(Files.readAllBytes(signature));
  }

  private static X509Certificate certificate(String file) throws Exception {
    byte[] pem = Files.readAllBytes(certificates.resolve(file));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
  }

  private static void waitForReader(boolean cardPresent) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    String last = "";
    while (System.nanoTime() < deadline) {
      last = Tool.run("opensc-tool", "-l").output();
      for (String line : last.split("\n")) {
        if (line.endsWith(reader) && line.contains(cardPresent ? "Yes" : "No")) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "card " + (cardPresent ? "never appeared" : "never left") + " in " + reader + ":\n" + last);
  }

  private static int freePort() throws Exception {
    String readers = Tool.run("opensc-tool", "-l").output();
    for (String line : readers.split("\n")) {
      if (line.endsWith("Virtual PCD 00 00") && line.contains(" No ")) {
        return 35963;
      }
    }
    return 35964;
  }

  /** Runs a command-line tool (no shell) and collects its output. */
  static final class Tool {
    record Result(int status, String output) {}

    static Result run(String... command) throws IOException, InterruptedException {
      Process process =
          new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
  }
}
