package org.libreconnect.worker.card;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalInt;
import org.libreconnect.pkcs11.holder.CpsHolder;
import org.libreconnect.protocol.command.CardCommands;
import org.libreconnect.protocol.command.CardCommands.CardStatusEvent;
import org.libreconnect.protocol.command.CardCommands.CpxCardAnswer;
import org.libreconnect.protocol.command.CardCommands.CpxCardMonitoringInput;
import org.libreconnect.protocol.command.CardCommands.CpxStatusAnswer;
import org.libreconnect.protocol.command.CardCommands.GetCpxCardInput;
import org.libreconnect.protocol.command.CardCommands.PracticeLocation;
import org.libreconnect.protocol.command.CardCommands.ReadCpxCardInput;
import org.libreconnect.protocol.command.CardCommands.Reader;
import org.libreconnect.protocol.command.CardCommands.ReadersAnswer;
import org.libreconnect.protocol.command.CardCommands.SignWithCpxCardInput;
import org.libreconnect.protocol.command.CardCommands.SignatureAnswer;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.MissingParameterException;
import org.libreconnect.protocol.error.TechnicalException;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.PushedEvents;
import org.libreconnect.worker.SessionContext;

/**
 * The reader and CPx card commands (protocol spec 2.2): the wire side of {@link CardService}. PINs
 * arrive as {@code s_pinCode} strings (the protocol's choice), become {@code char[]} here and are
 * wiped once the card has seen them.
 */
public final class CardHandlers {
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int CARD_REAL = 1;
  private static final int CARD_DEMO = 2;

  private final CardService cards;

  public CardHandlers(CardService cards) {
    this.cards = cards;
  }

  /** Adds the six card commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table
        .single("hl_getPcscReaders", NoInput.class, (session, input) -> readers())
        .single("hl_getCpxCard", GetCpxCardInput.class, this::select)
        .single("hl_getCpxStatus", NoInput.class, (session, input) -> status(session))
        .single("hl_readCpxCard", ReadCpxCardInput.class, this::read)
        .single("hl_signWithCpxCard", SignWithCpxCardInput.class, this::sign)
        .streaming("hl_startCpxCardMonitoring", CpxCardMonitoringInput.class, this::monitor);
  }

  private ReadersAnswer readers() {
    return new ReadersAnswer(
        cards.readers().stream().map(view -> Reader.pcsc(view.name(), view.slotType())).toList());
  }

  private Object select(SessionContext session, GetCpxCardInput input) {
    cards.select(session, input.readerNumber(), input.readerName());
    return null;
  }

  private CpxStatusAnswer status(SessionContext session) {
    CpxCard.Status status = cards.status(session);
    return new CpxStatusAnswer(
        status.status().code(),
        integer(status.triesLeft()),
        status.validUntil().map(DATE::format).orElse(null),
        status.serialNumber().orElse(null));
  }

  private CpxCardAnswer read(SessionContext session, ReadCpxCardInput input) {
    char[] pin = pin(input.pinCode());
    CpxCard.Reading reading;
    try {
      reading = cards.read(session, pin);
    } finally {
      Arrays.fill(pin, '\0');
    }
    CpsHolder holder = reading.holder();
    boolean certificates = input.wantsCertificates();
    return new CpxCardAnswer(
        holder.name(),
        holder.given(),
        holder.internalId(),
        holder.internalIdType(),
        holder.professionCode(),
        holder.professionOid(),
        holder.professionLabel(),
        holder.specialtyCode(),
        holder.specialtyLabel().orElse(""),
        integer(reading.triesLeft()),
        holder.practiceLocations().stream()
            .map(l -> new PracticeLocation(l.name(), l.activitySector(), l.healthcareSetting()))
            .toList(),
        holder.cardSerialNumber().orElse(null),
        DATE.format(holder.validUntil()),
        isTestCard(reading.authentication()) ? CARD_DEMO : CARD_REAL,
        certificates ? pem(reading.signature()) : null,
        certificates ? pem(reading.authentication()) : null);
  }

  private SignatureAnswer sign(SessionContext session, SignWithCpxCardInput input) {
    if (input.digestType() != null && input.digestType() != CardCommands.DIGEST_SHA_256) {
      throw new InvalidParameterException("i_digestType", "must be 1 (SHA-256)");
    }
    byte[] data = data(input);
    char[] pin = pin(input.pinCode());
    CpxCard.Signature signature;
    try {
      signature = cards.sign(session, pin, data);
    } finally {
      Arrays.fill(pin, '\0');
    }
    Base64.Encoder base64 = Base64.getEncoder();
    return new SignatureAnswer(
        base64.encodeToString(signature.value()),
        pem(signature.certificate()),
        base64.encodeToString(Pkcs1Padding.sha256(data)));
  }

  private PushedEvents monitor(SessionContext session, CpxCardMonitoringInput input) {
    String reader = session.cardSelection().map(CardSelection::readerName).orElse(null);
    return new PushedEvents(
        sink -> cards.watcher().subscribe(reader, status -> sink.push(CardStatusEvent.of(status))));
  }

  private static byte[] data(SignWithCpxCardInput input) {
    String base64 = input.dataToSignInBase64();
    if (base64 != null && !base64.isEmpty()) {
      return Base64.getMimeDecoder().decode(base64);
    }
    String text = input.stringToSign();
    if (text != null && !text.isEmpty()) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    throw new MissingParameterException("s_stringToSign or s_dataToSignInBase64");
  }

  /**
   * The PIN as a {@code char[]}. A PIN that is not 4 to 8 digits is refused here, before any card
   * sees it, so that no try is used.
   */
  private static char[] pin(String pinCode) {
    char[] pin = pinCode.toCharArray();
    boolean digits = pin.length >= 4 && pin.length <= 8;
    for (char c : pin) {
      digits &= c >= '0' && c <= '9';
    }
    if (!digits) {
      Arrays.fill(pin, '\0');
      throw new PinFormatException();
    }
    return pin;
  }

  private static Integer integer(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  /** Test and demonstration cards are issued by the IGC-Santé TEST hierarchy. */
  private static boolean isTestCard(X509Certificate certificate) {
    String issuer = certificate.getIssuerX500Principal().getName();
    return issuer.contains("IGC-SANTE TEST") || issuer.contains("CN=TEST ");
  }

  static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new TechnicalException("Cannot encode the card certificate", "", e);
    }
  }
}
