package org.libreconnect.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * What every request of the server mode shares, and nothing about any earlier request: the DMP
 * access, the callers, CORS, the executor of DMP work, the in-flight bound, the deadline and the
 * readiness flag that graceful shutdown lowers.
 */
public final class RestService {
  /** Counters shown nowhere but the logs and tests. */
  public static final class Metrics {
    private final AtomicLong refused = new AtomicLong();

    void refused() {
      refused.incrementAndGet();
    }

    public long refusedCount() {
      return refused.get();
    }
  }

  private final DmpAccess dmp;
  private final InsiAccess insi;
  private final Callers callers;
  private final Cors cors;
  private final ExecutorService executor;
  private final int maxInFlight;
  private final Semaphore inFlight;
  private final Duration requestTimeout;
  private final WireJson json = new WireJson();
  private final AtomicBoolean ready = new AtomicBoolean(true);
  private final Metrics metrics = new Metrics();
  private final String openApi;

  public RestService(DmpAccess dmp, Callers callers, Cors cors, ExecutorService executor, int maxInFlight,
      Duration requestTimeout) {
    this(dmp, null, callers, cors, executor, maxInFlight, requestTimeout);
  }

  /** @param insi the INSi access of the INSi operations; null: they answer that INSi is not configured */
  public RestService(DmpAccess dmp, InsiAccess insi, Callers callers, Cors cors, ExecutorService executor,
      int maxInFlight, Duration requestTimeout) {
    this.dmp = dmp;
    this.insi = insi;
    this.callers = callers;
    this.cors = cors;
    this.executor = executor;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
    this.requestTimeout = requestTimeout;
    this.openApi = OpenApi.document(json.mapper());
  }

  /** Runs {@code operation} for the request {@code body} (on the executor). */
  Object run(Operations.Operation<?> operation, ObjectNode body) {
    RequestIdentity identity = RequestIdentity.of(body, dmp.establishment().structureId());
    Record input = json.readInput(body, operation.input());
    if (operation.reachesInsi()) {
      if (insi == null) {
        throw new org.libreconnect.protocol.error.FunctionalException("INSi is not configured for this service");
      }
      String insiUrl = text("s_insiUrl", body.get("s_insiUrl"));
      return insi.call(identity, insiUrl, connector -> operation.runInsi(connector, input));
    }
    String dmpUrl = text("s_dmpUrl", body.get("s_dmpUrl"));
    Integer accessMode = null;
    JsonNode mode = body.get("i_accessMode");
    if (mode != null && !mode.isNull()) {
      if (!mode.canConvertToInt() && !(mode.isTextual() && mode.asText().matches("[0-9]{1,2}"))) {
        throw new InvalidParameterException("i_accessMode", "must be a whole number");
      }
      accessMode = mode.asInt();
    }
    return dmp.call(identity, dmpUrl, accessMode, connector -> operation.run(connector, input));
  }

  private static String text(String key, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidParameterException(key, "must be a string");
    }
    return node.asText();
  }

  WireJson json() {
    return json;
  }

  Callers callers() {
    return callers;
  }

  Cors cors() {
    return cors;
  }

  ExecutorService executor() {
    return executor;
  }

  Semaphore inFlight() {
    return inFlight;
  }

  /** Requests being served now. */
  public int inFlightCount() {
    return maxInFlight - inFlight.availablePermits();
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  String openApi() {
    return openApi;
  }

  public Metrics metrics() {
    return metrics;
  }

  /** Whether the instance takes new connections (false once a graceful stop began). */
  public boolean ready() {
    return ready.get();
  }

  /** Begins the graceful stop: /ready answers 503, answers close their connections. */
  public void stopTaking() {
    ready.set(false);
  }
}
