package org.libreconnect.dmp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.libreconnect.dmp.transport.CxfDmpTransport;
import org.libreconnect.dmp.tx.PatientTransactions;
import org.libreconnect.dmp.vihf.LpsIdentity;
import org.libreconnect.protocol.command.DmpCommands.DmpStatusAnswer;

/**
 * A DMP transaction rehearsed on the loopback interface, for a pre-started worker waiting for its
 * application: a TD0.2 is built (VIHF, HL7 query, SOAP envelope), sent through the CXF transport
 * over mutual TLS 1.2 to a one-shot listener on 127.0.0.1 that answers "no DMP for this patient",
 * and that answer is read into the command's answer. The application's first {@code
 * hl_createDmpConnector} and TD0.2 then do not pay for loading and initialising CXF, SAAJ, the XML
 * stack and the TLS client (about a second and a half in a fresh worker).
 *
 * <p>Nothing leaves the machine and no card or PIN is involved: the VIHF names a sample
 * professional, and both ends of the TLS connection use a key made for the rehearsal and dropped
 * with it ({@link RehearsalTls}).
 */
public final class DmpRehearsal {
  /** A well-formed test INS (NIR and key), as the training DMPs use. */
  static final String SAMPLE_INS = "279035121518989";

  private static final String INSTANCE =
      Oids.of(java.util.UUID.nameUUIDFromBytes("rehearsal".getBytes(StandardCharsets.UTF_8)));

  private static final byte[] ANSWER = ("""
      <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>\
      <PRPA_IN201308UV02 xmlns="urn:hl7-org:v3" ITSVersion="XML_1.0"><acknowledgement typeCode="AA"/>\
      <controlActProcess classCode="CACT" moodCode="EVN"><queryAck><queryResponseCode code="NF"/>\
      </queryAck></controlActProcess></PRPA_IN201308UV02></soap:Body></soap:Envelope>""")
      .getBytes(StandardCharsets.UTF_8);

  private DmpRehearsal() {}

  /**
   * Runs the rehearsal; returns TD0.2's answer (no DMP: status 3).
   *
   * @param deadline for the whole exchange
   * @throws IOException when the loopback listener cannot be opened
   */
  public static DmpStatusAnswer run(Duration deadline) throws IOException {
    RehearsalTls tls;
    try {
      tls = RehearsalTls.create();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot prepare the rehearsal's TLS", e);
    }
    int millis = (int) Math.max(1, deadline.toMillis());
    try (SSLServerSocket listener = (SSLServerSocket) tls.server().getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setNeedClientAuth(true);
      listener.setSoTimeout(millis);
      // the client's outcome says whether the listener did its part
      Thread server = Thread.ofPlatform().name("dmp-rehearsal").daemon(true).start(() -> {
        try (Socket socket = listener.accept()) {
          socket.setSoTimeout(millis);
          answerOnce(socket);
        } catch (IOException e) {
          // closed by run() or a broken exchange: the client's call fails and says so
        }
      });
      URI base = URI.create("https://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
          + listener.getLocalPort() + "/si-dmp-server/v2/services");
      try (DmpConnector connector = new DmpConnector(new SampleCredentials(tls.certificate(), tls.client()),
          DmpUrls.at(base), new CxfDmpTransport(tls.client(), Optional.empty(), deadline), Clock.systemUTC(),
          new LpsIdentity("LibreConnect", "rehearsal", "", INSTANCE), 0, "AMBULATOIRE", true)) {
        return PatientTransactions.existence(connector, SAMPLE_INS);
      } finally {
        listener.close(); // a call that failed before connecting leaves no thread in accept
        try {
          server.join(deadline);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Reads one HTTP request (headers, then a Content-Length or chunked body) and answers it. */
  private static void answerOnce(Socket socket) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream());
    String headers = readHeaders(in).toLowerCase(Locale.ROOT);
    if (headers.contains("transfer-encoding: chunked")) {
      while (true) {
        int size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16);
        in.readNBytes(size);
        readLine(in);
        if (size == 0) {
          break;
        }
      }
    } else {
      int at = headers.indexOf("content-length:");
      if (at >= 0) {
        int end = headers.indexOf('\r', at);
        in.readNBytes(Integer.parseInt(headers.substring(at + 15, end).strip()));
      }
    }
    OutputStream out = socket.getOutputStream();
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml; charset=UTF-8\r\nContent-Length: "
        + ANSWER.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(ANSWER);
    out.flush();
  }

  private static String readHeaders(InputStream in) throws IOException {
    StringBuilder headers = new StringBuilder();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      headers.append(line).append("\r\n");
    }
    return headers.toString();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the rehearsal's request ended early");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  /** The rehearsal's credentials: a sample professional, no key. */
  private record SampleCredentials(X509Certificate certificate, SSLContext tls) implements DmpCredentials {
    private static final DmpHolder HOLDER = new DmpHolder("899900000000", "REPETITION", "LIBRECONNECT", "10",
        "1.2.250.1.71.1.2.7", "Médecin", "SM26", "Qualifié en médecine générale (SM)",
        List.of(new DmpPracticeLocation("Répétition", "499900000000", "SA07")));

    @Override
    public SSLContext tlsContext(KeyStore dmpRoots) {
      return tls;
    }

    @Override
    public X509Certificate authenticationCertificate() {
      return certificate;
    }

    @Override
    public X509Certificate signatureCertificate() {
      return certificate;
    }

    @Override
    public byte[] signSha256(byte[] data) {
      throw new UnsupportedOperationException("the rehearsal signs nothing");
    }

    @Override
    public DmpHolder holder() {
      return HOLDER;
    }
  }
}
