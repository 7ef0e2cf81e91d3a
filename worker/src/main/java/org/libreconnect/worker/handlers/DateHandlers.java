package org.libreconnect.worker.handlers;

import java.time.Clock;
import java.time.LocalDate;
import org.libreconnect.protocol.command.DateCommands.BirthDateInput;
import org.libreconnect.protocol.command.DateCommands.CenturyAnswer;
import org.libreconnect.protocol.command.DateCommands.DateAnswer;
import org.libreconnect.protocol.command.DateCommands.LunarDateInput;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.dates.BirthDates;

/** The birth-date utilities (spec 2.7); "today" comes from the injected clock. */
public final class DateHandlers {
  private final Clock clock;

  public DateHandlers(Clock clock) {
    this.clock = clock;
  }

  /** Adds the three date commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table
        .single("hl_convertLunarDateToStandardDate", LunarDateInput.class, this::convertLunar)
        .single("hl_computeBirthDayCentury", BirthDateInput.class, this::century)
        .single("hl_regularizeBirthDateIfNeeded", BirthDateInput.class, this::regularize);
  }

  private DateAnswer convertLunar(SessionContext session, LunarDateInput input) {
    return new DateAnswer(BirthDates.convertLunarToStandard(input.date()));
  }

  private CenturyAnswer century(SessionContext session, BirthDateInput input) {
    return new CenturyAnswer(
        BirthDates.computeCentury(input.date(), input.quality(), LocalDate.now(clock)));
  }

  private DateAnswer regularize(SessionContext session, BirthDateInput input) {
    return new DateAnswer(
        BirthDates.regularize(input.date(), input.quality(), LocalDate.now(clock)));
  }
}
