package org.libreconnect.dmp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.libreconnect.dmp.transport.Attachment;
import org.libreconnect.dmp.transport.DmpTransport;
import org.libreconnect.dmp.transport.SoapRequest;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.dmp.xml.Xml;

/** A transport that records requests and plays queued answers. */
final class FakeDmpTransport implements DmpTransport {
  final List<SoapRequest> requests = new CopyOnWriteArrayList<>();
  private final Deque<Function<SoapRequest, SoapResponse>> answers = new ArrayDeque<>();
  boolean closed;

  /** Queues an answer whose body is {@code bodyXml}. */
  FakeDmpTransport answer(String bodyXml, Attachment... parts) {
    answers.add(r -> new SoapResponse(Xml.parse(envelope(bodyXml).getBytes(StandardCharsets.UTF_8)), List.of(parts)));
    return this;
  }

  /** Queues a failure. */
  FakeDmpTransport fail(RuntimeException failure) {
    answers.add(r -> {
      throw failure;
    });
    return this;
  }

  static String envelope(String body) {
    return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header/><s:Body>" + body
        + "</s:Body></s:Envelope>";
  }

  @Override
  public synchronized SoapResponse exchange(SoapRequest request) {
    requests.add(request);
    if (answers.isEmpty()) {
      throw new AssertionError("no answer queued for " + request);
    }
    return answers.poll().apply(request);
  }

  /** The envelope of the {@code index}th request. */
  String bodyOf(int index) {
    return new String(Xml.toBytes(requests.get(index).envelope()), StandardCharsets.UTF_8);
  }

  String lastBody() {
    SoapRequest last = requests.get(requests.size() - 1);
    return new String(Xml.toBytes(last.envelope()), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed = true;
  }
}
