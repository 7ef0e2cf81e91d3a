package org.libreconnect.simulator.dmp.server;

import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.libreconnect.simulator.dmp.soap.Namespaces;

/**
 * Tells CXF that the endpoints understand the WS-Addressing and WS-Security headers, which
 * clients send with {@code mustUnderstand="true"}; the dispatcher reads them itself.
 */
final class UnderstoodHeaders extends AbstractSoapInterceptor {
  private static final Set<QName> HEADERS = Set.of(
      new QName(Namespaces.WSA, "Action"),
      new QName(Namespaces.WSA, "MessageID"),
      new QName(Namespaces.WSA, "ReplyTo"),
      new QName(Namespaces.WSA, "To"),
      new QName(Namespaces.WSA, "From"),
      new QName(Namespaces.WSA, "FaultTo"),
      new QName(Namespaces.WSA, "RelatesTo"),
      new QName(Namespaces.WSSE, "Security"));

  UnderstoodHeaders() {
    super(Phase.PRE_PROTOCOL);
  }

  @Override
  public Set<QName> getUnderstoodHeaders() {
    return HEADERS;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    // nothing to do: declaring the headers is the point
  }
}
