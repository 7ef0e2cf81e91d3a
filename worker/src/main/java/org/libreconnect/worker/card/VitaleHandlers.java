package org.libreconnect.worker.card;

import java.time.LocalDate;
import java.util.List;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.command.VitaleCommands.GetVitaleCardInput;
import org.libreconnect.protocol.command.VitaleCommands.VitaleCardAnswer;
import org.libreconnect.protocol.command.VitaleCommands.VitaleCardMonitoringInput;
import org.libreconnect.protocol.command.VitaleCommands.VitaleMonitoringEvent;
import org.libreconnect.protocol.command.VitaleCommands.VitalePatient;
import org.libreconnect.protocol.command.VitaleMonitoringStatus;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.PushedEvents;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.dates.BirthDates;
import org.libreconnect.worker.dates.InvalidDateException;
import org.libreconnect.worker.vitale.VitaleBeneficiary;
import org.libreconnect.worker.vitale.VitaleCardContent;
import org.libreconnect.worker.vitale.VitaleRead;

/**
 * The Vitale card commands (protocol spec 2.2, 5.4): the wire side of {@link VitaleCards}. A
 * successful read is kept on the session ({@link SessionContext#lastVitaleRead()}) for the
 * commands that take a beneficiary by its index.
 */
public final class VitaleHandlers {
  private final VitaleCards vitale;

  public VitaleHandlers(VitaleCards vitale) {
    this.vitale = vitale;
  }

  /** Adds the three Vitale commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table
        .single("hl_getVitaleCard", GetVitaleCardInput.class, this::select)
        .single("hl_readVitaleCard", NoInput.class, (session, input) -> read(session))
        .streaming(
            "hl_startVitaleCardMonitoring", VitaleCardMonitoringInput.class, this::monitor);
  }

  private Object select(SessionContext session, GetVitaleCardInput input) {
    session.selectVitaleReader(vitale.select(input.readerNumber(), input.readerName()));
    return null;
  }

  private VitaleCardAnswer read(SessionContext session) {
    String reader =
        session
            .vitaleReader()
            .orElseThrow(
                () -> new FunctionalException("No Vitale reader chosen: call hl_getVitaleCard first"));
    VitaleReadOutcome outcome = vitale.read(reader);
    session.recordVitaleRead(
        outcome
            .content()
            .map(c -> new VitaleRead(reader, c.kind(), c.beneficiaries(), vitale.clock().instant()))
            .orElse(null));
    return answer(outcome);
  }

  private PushedEvents monitor(SessionContext session, VitaleCardMonitoringInput input) {
    String reader = session.vitaleReader().orElse(null);
    return new PushedEvents(sink -> vitale.monitor(reader, outcome -> sink.push(event(outcome))));
  }

  private VitaleMonitoringEvent event(VitaleReadOutcome outcome) {
    return switch (outcome.status()) {
      case MissingCard -> VitaleMonitoringEvent.of(VitaleMonitoringStatus.CardMissing);
      case ProdCard, TestCard, DemoCard -> VitaleMonitoringEvent.found(answer(outcome));
      default -> VitaleMonitoringEvent.of(VitaleMonitoringStatus.ReadError);
    };
  }

  private VitaleCardAnswer answer(VitaleReadOutcome outcome) {
    List<VitalePatient> patients =
        outcome.content().map(VitaleCardContent::beneficiaries).orElse(List.of()).stream()
            .map(this::patient)
            .toList();
    return VitaleCardAnswer.of(outcome.status(), patients);
  }

  /**
   * One beneficiary with the JS2 keys: the birth date as the card has it in {@code
   * s_rawBirthdayYYYYMMDD}, in the wrapper's DDMMYYYY layout in {@code s_birthday}, and made a
   * standard date (lunar dates to 1 January, spec docs/birth-dates.md) in {@code
   * s_birthdayYYYYMMDD}.
   */
  VitalePatient patient(VitaleBeneficiary b) {
    String raw = b.rawBirthDate();
    String ddmmyyyy = raw.substring(6, 8) + raw.substring(4, 6) + raw.substring(0, 4);
    return new VitalePatient(
        b.name(),
        b.given(),
        b.birthName(),
        ddmmyyyy,
        standard(raw, b.quality()),
        raw,
        b.nirWithKey(),
        b.certifiedNirWithKey(),
        "",
        "",
        b.birthRank(),
        b.quality());
  }

  private String standard(String raw, int quality) {
    try {
      return BirthDates.regularize(raw, quality, LocalDate.now(vitale.clock()));
    } catch (InvalidDateException e) {
      return raw;
    }
  }
}
