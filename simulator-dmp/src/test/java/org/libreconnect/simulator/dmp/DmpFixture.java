package org.libreconnect.simulator.dmp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.libreconnect.simulator.dmp.inject.FaultInjector;
import org.libreconnect.simulator.dmp.inject.SimulatorClock;
import org.libreconnect.simulator.dmp.soap.DmpRequest;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.libreconnect.simulator.dmp.store.DmpSeed;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.vihf.VihfPolicy;
import org.w3c.dom.Element;

/** The dispatcher over the shipped seed, with a fixed clock, for in-memory requests. */
final class DmpFixture {
  static final Instant NOW = Instant.parse("2025-06-02T08:30:00Z");
  static final String VALID = "279035121518989";
  static final String EXPIRED = "207058575627097";
  static final String BLOCKED = "153078987658513";
  static final String NOT_AUTHORISED = "185077512345608";
  static final String CLOSED = "292013155511123";
  static final String ABSENT = "168056912398752";
  static final String SEEN_DOCUMENT = "2.25.299216133287346187310425164573049110001";
  static final String MASKED_DOCUMENT = "2.25.299216133287346187310425164573049110002";
  static final String SEEN_ENTRY = "urn:uuid:3b0c6f0e-6a57-4c55-9d1a-1f3f1f6a0001";

  final DmpStore store = new DmpStore(DmpSeed.defaultSeed());
  final SimulatorClock clock = new SimulatorClock(Clock.fixed(NOW, ZoneOffset.UTC));
  final FaultInjector injector = new FaultInjector(clock);
  final DmpDispatcher dispatcher;

  DmpFixture() {
    this(VihfPolicy.defaults(List.of()));
  }

  DmpFixture(VihfPolicy policy) {
    dispatcher = DmpDispatcher.create(store, policy, injector, clock);
  }

  /** The test doctor's VIHF for {@code ins}, issued now. */
  VihfBuilder vihf(String ins) {
    return VihfBuilder.doctor(ins, NOW);
  }

  DmpResponse send(DmpService service, String action, VihfBuilder vihf, String body) {
    return send(service, Envelope.of(action, vihf.xml(), body));
  }

  DmpResponse send(DmpService service, Envelope envelope) {
    return dispatcher.dispatch(DmpRequest.of(service, envelope.xml()));
  }

  DmpResponse send(DmpRequest request) {
    return dispatcher.dispatch(request);
  }

  /** The first descendant {@code namespace}:{@code local} of the answer's body. */
  static Element find(DmpResponse response, String namespace, String local) {
    Element body = response.body();
    if (namespace.equals(body.getNamespaceURI()) && local.equals(body.getLocalName())) {
      return body;
    }
    return Xml.descendant(body, namespace, local).orElseThrow(
        () -> new AssertionError("no " + local + " in " + Xml.toString(body)));
  }

  /** The texts of every descendant {@code namespace}:{@code local} of the answer's body. */
  static List<String> texts(DmpResponse response, String namespace, String local) {
    return Xml.descendants(response.body(), namespace, local).stream().map(Xml::text).toList();
  }
}
