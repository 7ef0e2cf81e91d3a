package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libreconnect.it.CardSession.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.testsupport.ConnectorProcess;

/**
 * {@code hl_signWithCpxCard} on a SoftHSM2 token (SunPKCS11 in the worker, the reader list from a
 * real pcscd), over a new WebSocket per command and over one open socket, interleaved with the
 * floor: the same signature (SHA256withRSA, same key, same data) asked of the same token directly
 * through SunPKCS11 in this JVM, already logged in with the key found. Each signature is verified.
 * The client is {@link BrowserClient} (a browser's TLS library and one thread); the new-WebSocket
 * signature is measured once more with {@code java.net.http}, the client of the earlier figures.
 *
 * <p>Interleaved too, in the same loop: webcrypto-local (Fortify's engine, {@link WebcryptoLocal})
 * signing with the same key on the same token, on its open connection as a page uses it, and on a
 * connection of its own as a page's first signature. Our new-WebSocket signature and the peer's
 * signature each start after the same pause ({@code libreconnect.benchmark.peerSettleMillis},
 * 20 ms), as a page's signature comes after a quiet time; neither is measured on processors the
 * other has just woken. When its sources are not on the machine the comparison is left out and
 * the reason printed.
 *
 * <pre>./mvnw -B verify -pl benchmarks -Dit.test=SoftHsmSignBenchmark [-Pbench]</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class SoftHsmSignBenchmark {
  private static final String ORIGIN = ConnectorFixture.APP_ORIGIN;
  private static final int SAMPLES = Figures.samples(30, 300);
  private static final int WARM_UP = Figures.warmUp(150, 1000);
  private static final String TEXT = "VIHF";
  private static final Duration PEER_SETTLE = Duration.ofMillis(Long.getLong("libreconnect.benchmark.peerSettleMillis", 20));

  @TempDir static Path home;
  @TempDir static Path work;
  private VirtualCardStack stack;
  private ConnectorFixture fixture;
  private String reader;
  private final Figures figures = new Figures("softhsm-sign");
  private WebcryptoLocal peer;

  @BeforeAll
  void start() throws Exception {
    assertThat(SoftHsmToken.LIBRARY).as("SoftHSM2 (scripts/card-stack.sh install)").exists();
    stack = VirtualCardStack.start();
    fixture = new ConnectorFixture(home, ConnectorProcess.config(1, false, SoftHsmToken.LIBRARY.toString(), ORIGIN));
    CardSession probe = CardSession.open(fixture.client, ORIGIN, "softhsm-readers");
    reader = probe.readers().path("Readers").get(0).path("s_name").asText();
    SoftHsmToken.provision(work, reader, stack.credentials, stack.identity);
    try {
      // the token provisioned is the first slot; its signature key has CKA_ID 10
      peer = WebcryptoLocal.start(Path.of(System.getProperty("libreconnect.webcryptoLocal.tool")),
          Path.of(System.getProperty("libreconnect.webcryptoLocal.build")), SoftHsmToken.LIBRARY.toString(), 0,
          SoftHsmToken.PIN, "10");
    } catch (WebcryptoLocal.Unavailable e) {
      figures.note("webcrypto-local not compared: " + e.getMessage());
    }
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (peer != null) {
        peer.close();
      }
      fixture.close();
    } finally {
      try {
        stack.close();
      } finally {
        figures.close();
      }
    }
  }

  @Test
  void signThroughTheConnectorAgainstTheTokenFloor() throws Exception {
    CardSession session = CardSession.open(fixture.client, ORIGIN, "softhsm-sign");
    assertOk(session.select(reader));
    PoolSettled.await(fixture.client);
    byte[] data = TEXT.getBytes(StandardCharsets.UTF_8);
    Floor floor = new Floor();
    ObjectNode command = fixture.client.mapper().createObjectNode();
    command.put("s_commandName", "hl_signWithCpxCard");
    command.put("s_pinCode", SoftHsmToken.PIN);
    command.put("s_stringToSign", TEXT);
    command.put("s_sessionId", session.id);
    String json = command.toString();
    String exists = "{\"s_commandName\":\"hl_sessionExists\",\"s_sessionId\":\"" + session.id + "\"}";
    List<Double> newSocket = new ArrayList<>();
    List<Double> oneSocket = new ArrayList<>();
    List<Double> direct = new ArrayList<>();
    List<Double> existsKept = new ArrayList<>();
    List<Double> existsFresh = new ArrayList<>();
    List<Double> coldOneSocket = new ArrayList<>();
    List<Double> peerOpen = new ArrayList<>();
    List<Double> peerNew = new ArrayList<>();
    List<Double> httpClientNew = new ArrayList<>();
    BrowserClient browser = new BrowserClient(fixture.connector.caCertificate(), fixture.connector.port(), ORIGIN);
    double workersCpu = 0;
    double masterCpu = 0;
    try (BrowserClient.Connection socket = browser.connect()) {
      for (int i = 0; i < SAMPLES + WARM_UP; i++) {
        if (i == WARM_UP) {
          workersCpu = -ProcessCpu.descendantsMillis(fixture.connector.pid());
          masterCpu = -ProcessCpu.millis(fixture.connector.pid());
        }
        long t = System.nanoTime();
        JsonNode fresh = browser.call(json);
        double a = Figures.since(t);
        t = System.nanoTime();
        JsonNode kept = browser.mapper().readTree(socket.call(json));
        double b = Figures.since(t);
        t = System.nanoTime();
        assertOk(browser.mapper().readTree(socket.call(exists)));
        double d = Figures.since(t);
        t = System.nanoTime();
        assertOk(browser.call(exists));
        double e = Figures.since(t);
        t = System.nanoTime();
        JsonNode throughHttpClient = fixture.call(json);
        double f = Figures.since(t);
        assertOk(throughHttpClient);
        t = System.nanoTime();
        byte[] value = floor.sign(data);
        double c = Figures.since(t);
        String expected = Base64.getEncoder().encodeToString(value);
        if (peer != null) {
          try {
            // The compared samples start alike: ours (the first of the iteration) after the pause
            // that ends the previous one, the peer's after the same pause, not on processors and
            // threads our turn has just woken
            Thread.sleep(PEER_SETTLE.toMillis());
            // RSASSA-PKCS1-v1_5 is deterministic: the same key signs the same bytes alike
            WebcryptoLocal.Signed open = peer.sign(data);
            assertThat(open.signature()).as("webcrypto-local's signature").isEqualTo(expected);
            if (i >= WARM_UP || i % 10 == 0) {
              WebcryptoLocal.Signed first = peer.signOnNewConnection(data);
              assertThat(first.signature()).as("webcrypto-local's signature").isEqualTo(expected);
              if (i >= WARM_UP) {
                peerNew.add(first.millis());
              }
            }
            if (i >= WARM_UP) {
              peerOpen.add(open.millis());
            }
          } catch (IOException failure) {
            // the peer's failure is not the connector's: its figures keep the samples taken so far
            figures.note("webcrypto-local stopped answering at iteration " + i + " (" + failure.getMessage()
                + "; its own logs: target/webcrypto-local/server.log, client.log); compared on the samples before");
            peer.close();
            peer = null;
          }
          // webcrypto-local's processes finish their own work (a connection's close, their garbage
          // collection) before the connector is measured again on the same two processors
          Thread.sleep(PEER_SETTLE.toMillis());
        }
        if (i < WARM_UP || i == SAMPLES + WARM_UP - 1) {
          CardSession.assertSignature(fresh, data);
          CardSession.assertSignature(kept, data);
          assertThat(expected).isEqualTo(kept.path("s_signature").asText());
        } else {
          assertOk(fresh);
          assertOk(kept);
        }
        if (i < Figures.COLD) {
          coldOneSocket.add(b);
        }
        if (i >= WARM_UP) {
          newSocket.add(a);
          oneSocket.add(b);
          direct.add(c);
          existsKept.add(d);
          existsFresh.add(e);
          httpClientNew.add(f);
        }
      }
      workersCpu += ProcessCpu.descendantsMillis(fixture.connector.pid());
      masterCpu += ProcessCpu.millis(fixture.connector.pid());
    }
    Figures.Figure fresh = figures.latency("hl_signWithCpxCard on SoftHSM2, new WebSocket per command", newSocket);
    Figures.Figure kept = figures.latency("hl_signWithCpxCard on SoftHSM2, one open WebSocket", oneSocket);
    Figures.Figure floorFigure = figures.latency("floor: the same signature through SunPKCS11 in the benchmark JVM", direct);
    figures.latency("hl_sessionExists on the same open WebSocket (master only, no worker)", existsKept);
    figures.latency("hl_sessionExists over a new WebSocket per command (master only, no worker)", existsFresh);
    figures.latency("hl_signWithCpxCard on SoftHSM2, new WebSocket per command, java.net.http client", httpClientNew);
    figures.latency("hl_signWithCpxCard on SoftHSM2, one open WebSocket, the first " + Figures.COLD
        + " after start (JIT warming)", coldOneSocket);
    // Processor time does not depend on what else the machine runs at that moment, as latency
    // does: the steadier figure to compare two versions by
    figures.measure("CPU of the workers per hl_signWithCpxCard (all their threads: the token's own"
        + " signature, JIT, GC and logging included)", "ms", List.of(workersCpu / (3.0 * SAMPLES)));
    figures.measure("CPU of the master per iteration (3 signatures and 2 hl_sessionExists, 3 of the 5"
        + " on a new connection)", "ms", List.of(masterCpu / SAMPLES));
    figures.ratio("one open WebSocket / token floor (target <= 2)", kept, floorFigure);
    figures.ratio("new WebSocket / token floor", fresh, floorFigure);
    if (!peerOpen.isEmpty() && !peerNew.isEmpty()) {
      Figures.Figure peerKept = figures.latency(
          "webcrypto-local's signature on SoftHSM2, its open connection (its client's own time)", peerOpen);
      Figures.Figure peerFirst = figures.latency(
          "webcrypto-local's signature on SoftHSM2, a connection of its own (its client's own time)", peerNew);
      figures.ratio("new WebSocket / webcrypto-local on its open connection (target <= 0.4)", fresh, peerKept);
      figures.ratio("one open WebSocket / webcrypto-local on its open connection", kept, peerKept);
      figures.ratio("new WebSocket / webcrypto-local on a connection of its own", fresh, peerFirst);
      figures.ratio("webcrypto-local on its open connection / token floor", peerKept, floorFigure);
    }
  }

  /** The token asked directly: SunPKCS11 over libsofthsm2, logged in once, the signature key found once. */
  private static final class Floor {
    private final Provider provider;
    private final PrivateKey key;

    Floor() throws Exception {
      provider =
          Security.getProvider("SunPKCS11")
              .configure("--name=floor\nlibrary=" + SoftHsmToken.LIBRARY + "\nslotListIndex=0\n");
      KeyStore store = KeyStore.getInstance("PKCS11", provider);
      store.load(null, SoftHsmToken.PIN.toCharArray());
      PrivateKey found = null;
      for (String alias : Collections.list(store.aliases())) {
        if (alias.contains("signature") && store.isKeyEntry(alias)) {
          found = (PrivateKey) store.getKey(alias, null);
        }
      }
      assertThat(found).as("the signature key on the token").isNotNull();
      key = found;
    }

    byte[] sign(byte[] data) throws Exception {
      Signature signature = Signature.getInstance("SHA256withRSA", provider);
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    }
  }
}
