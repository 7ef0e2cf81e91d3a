package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.libreconnect.protocol.Required;

/** Inputs and answers of the birth-date utilities (protocol spec section 2.7). */
public final class DateCommands {
  private DateCommands() {}

  /** {@code hl_convertLunarDateToStandardDate}. */
  public record LunarDateInput(@Required @JsonProperty("s_date") String date) {}

  /** {@code hl_computeBirthDayCentury} and {@code hl_regularizeBirthDateIfNeeded}. */
  public record BirthDateInput(
      @Required @JsonProperty("s_date") String date,
      @Required @JsonProperty("i_quality") Integer quality) {}

  public record DateAnswer(@JsonProperty("s_date") String date) {}

  public record CenturyAnswer(@JsonProperty("i_century") int century) {}
}
