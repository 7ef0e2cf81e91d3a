package org.libreconnect.dmp;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.dmp.transport.Attachment;
import org.libreconnect.dmp.transport.DmpTransport;
import org.libreconnect.dmp.transport.SoapFaultException;
import org.libreconnect.dmp.transport.SoapRequest;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.dmp.vihf.AccessMode;
import org.libreconnect.dmp.vihf.IndirectAuthentication;
import org.libreconnect.dmp.vihf.VihfSigner;
import org.libreconnect.dmp.vihf.LpsIdentity;
import org.libreconnect.dmp.vihf.VihfBuilder;
import org.libreconnect.dmp.vihf.VihfContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A session's DMP connector, made by {@code hl_createDmpConnector}: the card credentials, the DMP
 * address, the transport (which keeps its connections), the clock, and the settings the client
 * changes (practice location, access mode, secret connection). Every transaction goes through
 * {@link #call}: envelope with a fresh VIHF, exchange, and one log line without the body.
 */
public final class DmpConnector implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DmpConnector.class);

  private final DmpCredentials credentials;
  private final DmpUrls urls;
  private final DmpTransport transport;
  private final Clock clock;
  private final LpsIdentity software;
  private final SoapEnvelopeBuilder envelopes = new SoapEnvelopeBuilder();
  private final VihfBuilder vihf = new VihfBuilder();
  private final DocumentHandles handles = new DocumentHandles();
  private final String issuerDn;
  private volatile int locationIndex;
  private volatile String practiceSetting;
  private volatile AccessMode accessMode = AccessMode.NORMAL;
  private volatile boolean secretConnection;
  private volatile String webPsRootUrl = "";

  private final boolean rehearsal;

  public DmpConnector(DmpCredentials credentials, DmpUrls urls, DmpTransport transport, Clock clock,
      LpsIdentity software, int locationIndex, String practiceSetting) {
    this(credentials, urls, transport, clock, software, locationIndex, practiceSetting, false);
  }

  /** With {@code rehearsal}, transactions are logged at debug level as {@code dmp.rehearsal}. */
  DmpConnector(DmpCredentials credentials, DmpUrls urls, DmpTransport transport, Clock clock,
      LpsIdentity software, int locationIndex, String practiceSetting, boolean rehearsal) {
    this.rehearsal = rehearsal;
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.urls = Objects.requireNonNull(urls, "urls");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.software = Objects.requireNonNull(software, "software");
    X509Certificate certificate = credentials.indirect()
        .map(IndirectAuthentication::signingCertificate)
        .orElseGet(credentials::authenticationCertificate);
    this.issuerDn = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    setPracticeLocation(locationIndex, practiceSetting);
  }

  /** Chooses the practice location (index in the card's list) and the practice setting. */
  public void setPracticeLocation(int index, String setting) {
    List<DmpPracticeLocation> locations = credentials.holder().practiceLocations();
    if (index < 0 || index >= Math.max(1, locations.size())) {
      throw new InvalidParameterException("i_cpsPracticeLocationIndice",
          "must be between 0 and " + (Math.max(1, locations.size()) - 1));
    }
    this.locationIndex = index;
    this.practiceSetting = setting == null || setting.isBlank() ? "AMBULATOIRE" : setting.strip();
  }

  public void setAccessMode(AccessMode mode) {
    this.accessMode = Objects.requireNonNull(mode, "mode");
  }

  public void setSecretConnection(boolean secret) {
    this.secretConnection = secret;
  }

  public AccessMode accessMode() {
    return accessMode;
  }

  public boolean secretConnection() {
    return secretConnection;
  }

  /** The root of the Web-PS links set by {@code hl_setWebPsRootUrl}; "" for the DMP's own host. */
  public String webPsRootUrl() {
    return webPsRootUrl;
  }

  public void setWebPsRootUrl(String root) {
    this.webPsRootUrl = root == null ? "" : root.strip();
  }

  public DmpCredentials credentials() {
    return credentials;
  }

  public DmpHolder holder() {
    return credentials.holder();
  }

  public DmpUrls urls() {
    return urls;
  }

  public Clock clock() {
    return clock;
  }

  public LpsIdentity software() {
    return software;
  }

  /** The practice setting (TRE_A01), such as {@code AMBULATOIRE}. */
  public String practiceSetting() {
    return practiceSetting;
  }

  /** The chosen practice location. */
  public DmpPracticeLocation location() {
    List<DmpPracticeLocation> locations = credentials.holder().practiceLocations();
    if (locations.isEmpty()) {
      throw new InvalidParameterException("i_cpsPracticeLocationIndice", "the card holds no practice location");
    }
    return locations.get(locationIndex);
  }

  /** The documents of the last search, by handle. */
  public DocumentHandles handles() {
    return handles;
  }

  /** The patient as VIHF resource-id and XDS patientId. */
  public String patientCx(String ins) {
    return PatientIds.cx(ins, PatientIds.authority(urls.isProduction()));
  }

  /**
   * One transaction: builds the envelope with a VIHF dated now (about {@code insOrNull}, or the
   * user only), sends it to {@code service}, and returns the answer.
   */
  public SoapResponse call(String transaction, String service, String action, String insOrNull,
      Function<Document, Element> body, List<Attachment> attachments) {
    long start = System.nanoTime();
    String result = "ok";
    try {
      IndirectAuthentication indirect = credentials.indirect().orElse(null);
      VihfContext context = new VihfContext(holder(), issuerDn, location(),
          insOrNull == null ? null : patientCx(insOrNull), accessMode, secretConnection, software,
          clock.instant(), indirect);
      Element[] assertion = new Element[1];
      Document envelope = envelopes.build(action, document -> assertion[0] = vihf.build(document, context), body);
      if (indirect != null) {
        VihfSigner.sign(assertion[0], indirect);
      }
      return transport.exchange(new SoapRequest(transaction, urls.service(service), action, envelope, attachments));
    } catch (SoapFaultException e) {
      result = "fault:" + (e.subcode().isEmpty() ? e.code() : e.subcode());
      throw e;
    } catch (RuntimeException e) {
      result = "error:" + e.getClass().getSimpleName();
      throw e;
    } finally {
      long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
      if (rehearsal) {
        log.debug("dmp.rehearsal td={} ms={} result={}", transaction, ms, result);
      } else {
        log.info("dmp.transaction td={} service={} ms={} result={}", transaction, service, ms, result);
      }
    }
  }

  /** Like {@link #call(String, String, String, String, Function, List)} without attachments. */
  public SoapResponse call(String transaction, String service, String action, String insOrNull,
      Function<Document, Element> body) {
    return call(transaction, service, action, insOrNull, body, List.of());
  }

  @Override
  public void close() {
    transport.close();
  }
}
