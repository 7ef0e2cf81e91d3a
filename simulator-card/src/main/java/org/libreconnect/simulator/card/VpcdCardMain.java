package org.libreconnect.simulator.card;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;

/**
 * Runs the test doctor's simulated card in a pcscd reader through vpcd until pcscd goes away or the
 * process is stopped, for scripts and manual tests.
 *
 * <pre>
 * java -cp ... org.libreconnect.simulator.card.VpcdCardMain [--host 127.0.0.1] [--port 35963]
 *     [--certificates DIR] [--production-like] [--wait-seconds 10] [--vitale test|demo]
 * </pre>
 *
 * <p>With {@code --vitale} the card is the simulated Vitale card of the test family (test or
 * demonstration variant) instead of the CPS card.
 *
 * <p>The PKI is generated afresh with RSA-2048 roots (quick to start). The PIN is {@code 1234}
 * unless the environment variable {@code LIBRECONNECT_CARD_PIN} sets another. With {@code
 * --certificates} the card's certificates and the PKI roots are written there as PEM, so other
 * processes can trust them. Exit status: 0 after a clean stop, 1 when vpcd is unreachable, 2 on bad
 * arguments.
 */
public final class VpcdCardMain {
  static final String PIN_VARIABLE = "LIBRECONNECT_CARD_PIN";

  private VpcdCardMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(
          "usage: VpcdCardMain [--host H] [--port P] [--certificates DIR] [--production-like]"
              + " [--wait-seconds N] [--vitale test|demo]: "
              + e.getMessage());
      return 2;
    }
    if (options.vitale() != null) {
      return runVitale(options, out, err);
    }
    TestPki pki =
        TestPki.generate(Clock.systemUTC(), 2048); // RSA-2048 roots: ready in well under a second
    CpsIdentity identity = CpsIdentity.testDoctor();
    CardCredentials credentials =
        options.productionLike()
            ? pki.issueCardFromProductionLikeRoot(identity)
            : pki.issueCard(identity);
    String pin = System.getenv(PIN_VARIABLE);
    SimulatedCard card =
        SimulatedCard.create(
            identity,
            credentials,
            (pin == null || pin.isEmpty() ? SimulatedCard.DEFAULT_PIN : pin).toCharArray());
    VpcdCardConnection connection =
        card.vpcdConnection(new InetSocketAddress(options.host(), options.port()));
    try {
      if (options.certificates() != null) {
        writeCertificates(options.certificates(), pki, credentials);
      }
      connection.insert(options.patience());
    } catch (IOException e) {
      err.println("card.failed " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(connection::remove, "vpcd-card-removal"));
    out.println(
        "card.ready vpcd="
            + options.host()
            + ":"
            + options.port()
            + " psIdNat="
            + identity.psIdNat()
            + " serial="
            + identity.cardSerialNumber());
    out.flush();
    connection.awaitDisconnection();
    out.println("card.stopped");
    return 0;
  }

  private static int runVitale(Options options, PrintStream out, PrintStream err)
      throws InterruptedException {
    SimulatedVitaleCard card =
        options.vitale() == SimulatedVitaleCard.Kind.DEMO
            ? SimulatedVitaleCard.demoCard()
            : SimulatedVitaleCard.testCard();
    VpcdCardConnection connection =
        card.vpcdConnection(new InetSocketAddress(options.host(), options.port()));
    try {
      connection.insert(options.patience());
    } catch (IOException e) {
      err.println("card.failed " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(connection::remove, "vpcd-card-removal"));
    out.println(
        "card.ready vpcd=" + options.host() + ":" + options.port() + " vitale="
            + options.vitale().name().toLowerCase(java.util.Locale.ROOT));
    out.flush();
    connection.awaitDisconnection();
    out.println("card.stopped");
    return 0;
  }

  private static void writeCertificates(Path directory, TestPki pki, CardCredentials credentials)
      throws IOException {
    Files.createDirectories(directory);
    PemFiles.write(
        directory.resolve("card-authentication.pem"),
        List.of(credentials.authenticationCertificate()));
    PemFiles.write(
        directory.resolve("card-signature.pem"), List.of(credentials.signatureCertificate()));
    PemFiles.write(directory.resolve("card-chain.pem"), credentials.chain());
    PemFiles.write(directory.resolve("test-fort-root.pem"), List.of(pki.fortRoot()));
    PemFiles.write(directory.resolve("test-elementary-root.pem"), List.of(pki.elementaryRoot()));
    PemFiles.write(
        directory.resolve("production-like-root.pem"), List.of(pki.productionLikeRoot()));
  }

  /** The parsed command line. */
  record Options(
      String host,
      int port,
      Path certificates,
      boolean productionLike,
      Duration patience,
      SimulatedVitaleCard.Kind vitale) {
    static Options parse(String[] args) {
      String host = "127.0.0.1";
      int port = VpcdCardConnection.DEFAULT_ADDRESS.getPort();
      Path certificates = null;
      boolean productionLike = false;
      Duration patience = Duration.ofSeconds(10);
      SimulatedVitaleCard.Kind vitale = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--host" -> host = value(args, ++i);
          case "--port" -> port = number(value(args, i + 1), args[i++]);
          case "--certificates" -> certificates = Path.of(value(args, ++i));
          case "--production-like" -> productionLike = true;
          case "--wait-seconds" ->
              patience = Duration.ofSeconds(number(value(args, i + 1), args[i++]));
          case "--vitale" ->
              vitale =
                  switch (value(args, ++i)) {
                    case "test" -> SimulatedVitaleCard.Kind.TEST;
                    case "demo" -> SimulatedVitaleCard.Kind.DEMO;
                    default -> throw new IllegalArgumentException("--vitale is test or demo");
                  };
          default -> throw new IllegalArgumentException("unknown argument \"" + args[i] + "\"");
        }
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("--port " + port + " is not a port");
      }
      return new Options(host, port, certificates, productionLike, patience, vitale);
    }

    private static String value(String[] args, int index) {
      if (index >= args.length) {
        throw new IllegalArgumentException(args[index - 1] + " needs a value");
      }
      return args[index];
    }

    private static int number(String value, String option) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " \"" + value + "\" is not a number");
      }
    }
  }
}
