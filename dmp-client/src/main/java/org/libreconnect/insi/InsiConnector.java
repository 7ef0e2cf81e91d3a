package org.libreconnect.insi;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.libreconnect.dmp.DmpCredentials;
import org.libreconnect.dmp.transport.DmpTransport;
import org.libreconnect.dmp.transport.SoapFaultException;
import org.libreconnect.dmp.transport.SoapRequest;
import org.libreconnect.dmp.transport.SoapResponse;
import org.libreconnect.protocol.command.InsiCommands.CheckInsIdentityInput;
import org.libreconnect.protocol.command.InsiCommands.InsSearchAnswer;
import org.libreconnect.protocol.command.InsiCommands.LpsInfos;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A session's INSi connector, made by {@code hl_createInsiConnector}: the card credentials (the
 * same {@link DmpCredentials} as the DMP's: TLS key, signature key, holder), the service
 * endpoint, the transport (which keeps its connection) and the clock. Each operation builds the
 * envelope with a fresh signed assertion, exchanges it, and logs one line without the body.
 */
public final class InsiConnector implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InsiConnector.class);
  private static final java.util.regex.Pattern MATRICULE = java.util.regex.Pattern.compile("\\d{6}[0-9AB]\\d{6}");
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("\\d{2}");
  private static final java.util.regex.Pattern OID = java.util.regex.Pattern.compile("[0-2](\\.\\d{1,20}){1,30}");

  private final DmpCredentials credentials;
  private final InsiUrls urls;
  private final DmpTransport transport;
  private final Clock clock;
  private final InsiEnvelope envelopes = new InsiEnvelope();
  private final AssertionPs assertions = new AssertionPs();

  public InsiConnector(DmpCredentials credentials, InsiUrls urls, DmpTransport transport, Clock clock) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.urls = Objects.requireNonNull(urls, "urls");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public InsiUrls urls() {
    return urls;
  }

  /** {@code rechercherInsAvecTraitsIdentite}. */
  public InsSearchAnswer searchByTraits(LpsInfos software, IdentityTraits traits) {
    return search("rechercherInsAvecTraitsIdentite", InsiNs.ACTION_TRAITS, software, InsiEnvelope.traits(traits));
  }

  /** What {@code hl_checkInsIdentity} verifies, its keys checked. */
  public record InsToCheck(String value, String key, Optional<String> oid, IdentityTraits traits) {
    /** The checked keys of {@code in}, or the JS2 error naming the first bad one. */
    public static InsToCheck of(CheckInsIdentityInput in) {
      String value = checked("s_ins", in.ins(), MATRICULE, "must be a 13-character INS matricule");
      String key = checked("s_key", in.key(), KEY, "must be the INS key of 2 digits");
      Optional<String> oid = in.oid() == null || in.oid().isBlank() ? Optional.empty()
          : Optional.of(checked("s_oid", in.oid(), OID, "must be an OID"));
      return new InsToCheck(value, key, oid,
          IdentityTraits.of(in.birthName(), in.given(), in.sex(), in.birthDate(), in.birthPlace()));
    }
  }

  /** {@link #verify(LpsInfos, String, String, Optional, IdentityTraits)} of {@code check}. */
  public void verify(LpsInfos software, InsToCheck check) {
    verify(software, check.value(), check.key(), check.oid(), check.traits());
  }

  private static String checked(String key, String value, java.util.regex.Pattern pattern, String rule) {
    String stripped = value == null ? "" : value.strip();
    if (!pattern.matcher(stripped).matches()) {
      throw new InvalidParameterException(key, rule);
    }
    return stripped;
  }

  /** {@code rechercherInsAvecCarteVitale}. */
  public InsSearchAnswer searchByVitale(LpsInfos software, VitaleBeneficiary beneficiary) {
    return search("rechercherInsAvecCarteVitale", InsiNs.ACTION_VITALE, software, InsiEnvelope.vitale(beneficiary));
  }

  /**
   * Verifies that INSi gives the INS {@code value}+{@code key} for {@code traits}: the search with
   * the traits must find one identity that holds this INS (active or previous), with {@code oid}
   * when given.
   *
   * @throws org.libreconnect.dmp.errors.DmpApiException ({@link InsiErrors#IDENTITY_MISMATCH}) otherwise
   */
  public void verify(LpsInfos software, String value, String key, Optional<String> oid, IdentityTraits traits) {
    InsSearchAnswer answer = searchByTraits(software, traits);
    String reason = switch (answer.insIdentityResult()) {
      case InsiResult.NONE -> "INSi finds no identity for these traits";
      case InsiResult.MULTIPLE -> "INSi finds several identities for these traits";
      default -> InsiResult.holds(answer.identity(), value, key, oid) ? null
          : "the INS that INSi gives for these traits is not this one";
    };
    if (reason != null) {
      throw new org.libreconnect.dmp.errors.DmpApiException(InsiErrors.IDENTITY_MISMATCH,
          "The identity does not match: " + reason, "result=" + answer.insIdentityResult(), null);
    }
  }

  private InsSearchAnswer search(String operation, String action, LpsInfos software,
      Function<Document, Element> body) {
    checkSoftware(software);
    long start = System.nanoTime();
    String result = "ok";
    try {
      String holderId = credentials.holder().psIdNat();
      String assertion = assertions.build(holderId, software.billingNumber(), credentials.signatureCertificate(),
          clock.instant(), credentials::signSha256);
      Document envelope = envelopes.build(action, holderId, software, assertion, clock.instant(), body);
      SoapResponse response = transport.exchange(new SoapRequest(operation, urls.endpoint(), action, envelope,
          java.util.List.of()));
      InsSearchAnswer answer = InsiResult.read(response.body());
      result = "ok:" + answer.insIdentityResult();
      return answer;
    } catch (SoapFaultException e) {
      result = "fault:" + (e.subcode().isEmpty() ? e.code() : e.subcode());
      throw InsiErrors.translate(e);
    } catch (RuntimeException e) {
      result = "error:" + e.getClass().getSimpleName();
      throw InsiErrors.translate(e);
    } finally {
      log.info("insi.operation name={} ms={} result={}", operation,
          Duration.ofNanos(System.nanoTime() - start).toMillis(), result);
    }
  }

  /** {@code LpsInfos}: INSi refuses a request without the software's authorisation number. */
  static void checkSoftware(LpsInfos software) {
    if (software == null) {
      throw new InvalidParameterException("LpsInfos", "is required");
    }
    require("LpsInfos.s_idam", software.idam());
    require("LpsInfos.s_numAM", software.numAm());
    require("LpsInfos.s_version", software.version());
    require("LpsInfos.s_instance", software.instance());
    require("LpsInfos.s_name", software.name());
  }

  private static void require(String key, String value) {
    if (value == null || value.isBlank() || value.length() > 100) {
      throw new InvalidParameterException(key, "must be a non-empty string of at most 100 characters");
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
