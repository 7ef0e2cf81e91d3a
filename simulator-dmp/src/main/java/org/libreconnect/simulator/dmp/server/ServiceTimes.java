package org.libreconnect.simulator.dmp.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * How long the simulator itself took for each request, from the request's headers read to its
 * answer written (SOAP parsing, checks, the transaction, the answer), so that benchmarks can tell
 * the simulator's share of a DMP round trip from the connector's. Keeps the last {@value #KEPT}.
 */
public final class ServiceTimes extends Handler.Wrapper {
  static final int KEPT = 10_000;

  private final ArrayDeque<Long> nanos = new ArrayDeque<>();

  ServiceTimes(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long start = System.nanoTime();
    return super.handle(request, response, new Callback() {
      @Override
      public void succeeded() {
        record(System.nanoTime() - start);
        callback.succeeded();
      }

      @Override
      public void failed(Throwable failure) {
        record(System.nanoTime() - start);
        callback.failed(failure);
      }

      @Override
      public InvocationType getInvocationType() {
        return callback.getInvocationType();
      }
    });
  }

  /** The times recorded since the last call, oldest first, in milliseconds; forgets them. */
  public synchronized List<Double> take() {
    List<Double> millis = new ArrayList<>(nanos.size());
    nanos.forEach(n -> millis.add(n / 1e6));
    nanos.clear();
    return millis;
  }

  private synchronized void record(long elapsed) {
    if (nanos.size() == KEPT) {
      nanos.removeFirst();
    }
    nanos.addLast(elapsed);
  }
}
