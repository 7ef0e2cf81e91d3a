package org.libreconnect.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.libreconnect.simulator.card.SimulatedCard;
import org.libreconnect.simulator.card.VpcdCardConnection;
import org.libreconnect.simulator.pki.CardCredentials;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;
import org.libreconnect.testsupport.CardStack;

/**
 * The real card stack of a card IT: pcscd (started through {@code scripts/card-stack.sh}, one
 * build at a time on the machine-wide lock) and the simulated CPS card in a free vpcd reader,
 * which the test takes out and puts back like a hand would. The test JVM never opens a PC/SC
 * context of its own, so a pcscd restart does not break it.
 */
final class VirtualCardStack implements AutoCloseable {
  static final String OPENSC = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";

  final CardStack stack;
  final TestPki pki = TestPki.generate(Clock.systemUTC(), 2048);
  final CpsIdentity identity = CpsIdentity.testDoctor();
  final CardCredentials credentials = pki.issueCard(identity);
  final String readerName;
  private final InetSocketAddress vpcd;
  private VpcdCardConnection connection;

  private VirtualCardStack(CardStack stack, String readerName, int port) {
    this.stack = stack;
    this.readerName = readerName;
    this.vpcd = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** Starts (or reuses) pcscd and chooses a vpcd reader that holds no card. */
  static VirtualCardStack start() throws Exception {
    CardStack stack = new CardStack();
    stack.startPcscd();
    String listing = run("opensc-tool", "-l");
    for (String name : new String[] {"Virtual PCD 00 00", "Virtual PCD 00 01"}) {
      for (String line : listing.split("\n")) {
        if (line.endsWith(name) && line.matches("\\s*\\d+\\s+No\\b.*")) {
          return new VirtualCardStack(stack, name, name.endsWith("00") ? 35963 : 35964);
        }
      }
    }
    stack.stopPcscd();
    throw new IllegalStateException("no free vpcd reader: " + listing);
  }

  /** The other vpcd reader, where a second card (the Vitale card) goes. */
  String otherReaderName() {
    return readerName.endsWith("00") ? "Virtual PCD 00 01" : "Virtual PCD 00 00";
  }

  /** The vpcd port of {@link #otherReaderName()}. */
  InetSocketAddress otherVpcd() {
    return new InetSocketAddress(
        InetAddress.getLoopbackAddress(), readerName.endsWith("00") ? 35964 : 35963);
  }

  /** Puts a fresh copy of the test doctor's card (PIN 1234, three tries) into the reader. */
  void insertFreshCard() throws IOException {
    remove();
    connection = SimulatedCard.create(identity, credentials).vpcdConnection(vpcd);
    connection.insert(Duration.ofSeconds(10));
  }

  /** Puts the current card back (same PIN counter). */
  void insert() throws IOException {
    if (connection == null) {
      insertFreshCard();
    } else {
      connection.insert(Duration.ofSeconds(10));
    }
  }

  /** Takes the card out. */
  void remove() {
    if (connection != null) {
      connection.remove();
    }
  }

  /** Restarts pcscd, as an update or an administrator would; the card has to go back in. */
  void restartPcscd() throws Exception {
    remove();
    stack.restartPcscd();
  }

  @Override
  public void close() throws Exception {
    remove();
    stack.stopPcscd();
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(command[0] + " did not finish");
    }
    return output;
  }
}
