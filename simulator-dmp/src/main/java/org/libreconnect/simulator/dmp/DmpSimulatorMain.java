package org.libreconnect.simulator.dmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.libreconnect.simulator.dmp.store.DmpSeed;
import org.libreconnect.simulator.pki.TestPki;

/**
 * Runs the simulated DMP on its own until the process is stopped.
 *
 * <pre>
 * java -cp ... org.libreconnect.simulator.dmp.DmpSimulatorMain [--port N] [--seed file.json]
 *     [--tls-dir DIR] [--production-like-port N | --no-production-like] [--trust ca.pem]...
 * </pre>
 *
 * <p>The test PKI is generated afresh (RSA-2048 roots, quick to start). With {@code --tls-dir} the
 * roots, the server chain and a software test card are written there (docs/dmp-simulator.md);
 * {@code --trust} adds CAs whose cards the test listener accepts, such as the root a simulated
 * card wrote with {@code VpcdCardMain --certificates}. Prints {@code dmp.ready url=...} once
 * listening. Exit status: 0 after a clean stop, 1 when it cannot start, 2 on bad arguments.
 */
public final class DmpSimulatorMain {
  private DmpSimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    int status = run(args, System.out, System.err, new CountDownLatch(1));
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Starts the simulator and waits for {@code stop} (a shutdown hook in {@link #main}). */
  static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop)
      throws InterruptedException {
    Options options;
    DmpSimulatorConfig config;
    try {
      options = Options.parse(args);
      TestPki pki = TestPki.generate(Clock.systemUTC(), 2048);
      config = DmpSimulatorConfig.defaults(pki)
          .withSeed(options.seed() == null ? DmpSeed.defaultSeed() : DmpSeed.read(options.seed()))
          .withPort(options.port())
          .withProductionLikeListener(options.productionLike(), options.productionLikePort())
          .withExtraTrustedCas(certificates(options.trusted()));
    } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
      err.println("usage: DmpSimulatorMain [--port N] [--seed file.json] [--tls-dir DIR]"
          + " [--production-like-port N | --no-production-like] [--trust ca.pem]: "
          + e.getMessage());
      return 2;
    }
    DmpSimulator simulator;
    try {
      simulator = DmpSimulator.start(config);
      if (options.tlsDirectory() != null) {
        TlsMaterialWriter.write(options.tlsDirectory(), config.pki(),
            simulator.serverCredentials());
      }
    } catch (IllegalStateException | IOException e) {
      err.println("dmp.failed " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "dmp-simulator-stop"));
    out.println("dmp.ready url=" + simulator.baseUrl() + " productionLikeUrl="
        + simulator.productionLikeBaseUrl().map(Object::toString).orElse("-"));
    out.flush();
    try {
      stop.await();
    } finally {
      simulator.stop();
      out.println("dmp.stopped");
    }
    return 0;
  }

  private static List<X509Certificate> certificates(List<Path> files)
      throws IOException, GeneralSecurityException {
    List<X509Certificate> certificates = new ArrayList<>();
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        factory.generateCertificates(in)
            .forEach(certificate -> certificates.add((X509Certificate) certificate));
      }
    }
    return certificates;
  }

  /** The parsed command line. */
  record Options(int port, Path seed, Path tlsDirectory, boolean productionLike,
      int productionLikePort, List<Path> trusted) {
    static Options parse(String[] args) {
      int port = 0;
      int productionLikePort = 0;
      boolean productionLike = true;
      Path seed = null;
      Path tls = null;
      List<Path> trusted = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = port(value(args, ++i), "--port");
          case "--seed" -> seed = Path.of(value(args, ++i));
          case "--tls-dir" -> tls = Path.of(value(args, ++i));
          case "--production-like-port" ->
              productionLikePort = port(value(args, ++i), "--production-like-port");
          case "--no-production-like" -> productionLike = false;
          case "--trust" -> trusted.add(Path.of(value(args, ++i)));
          default -> throw new IllegalArgumentException("unknown argument \"" + args[i] + "\"");
        }
      }
      return new Options(port, seed, tls, productionLike, productionLikePort, trusted);
    }

    private static String value(String[] args, int index) {
      if (index >= args.length) {
        throw new IllegalArgumentException(args[index - 1] + " needs a value");
      }
      return args[index];
    }

    private static int port(String value, String option) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException(option + " " + value + " is not a port");
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " \"" + value + "\" is not a number");
      }
    }
  }
}
