package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Inputs, answers and events of the Vitale card commands (protocol spec 2.2, 5.4), with the exact
 * JS2 keys.
 */
public final class VitaleCommands {
  private VitaleCommands() {}

  /**
   * {@code hl_getVitaleCard}: the reader by name (PC/SC name; wins when not empty) or by its index
   * in {@code Readers[]}; with neither, the first reader holding a Vitale card.
   */
  public record GetVitaleCardInput(
      @JsonProperty("i_readerNumber") Integer readerNumber,
      @JsonProperty("s_readerName") String readerName) {}

  /** One beneficiary of {@code Patients[]}. */
  public record VitalePatient(
      @JsonProperty("s_name") String name,
      @JsonProperty("s_given") String given,
      @JsonProperty("s_birthname") String birthName,
      @JsonProperty("s_birthday") String birthday,
      @JsonProperty("s_birthdayYYYYMMDD") String birthdayYyyyMmDd,
      @JsonProperty("s_rawBirthdayYYYYMMDD") String rawBirthdayYyyyMmDd,
      @JsonProperty("s_nir") String nir,
      @JsonProperty("s_certifiedNir") String certifiedNir,
      @JsonProperty("s_ins") String ins,
      @JsonProperty("s_insC") String insC,
      @JsonProperty("i_birthRank") int birthRank,
      @JsonProperty("i_quality") int quality) {}

  /**
   * Answer of {@code hl_readVitaleCard}, also the {@code VitaleContent} of monitoring events. A
   * card that is missing or unreadable gives an empty list and the status that says so.
   */
  public record VitaleCardAnswer(
      @JsonProperty("Patients") List<VitalePatient> patients,
      @JsonProperty("i_cardStatus") int cardStatus,
      @JsonProperty("s_cardStatusText") String cardStatusText) {

    public static VitaleCardAnswer of(VitaleStatus status, List<VitalePatient> patients) {
      return new VitaleCardAnswer(List.copyOf(patients), status.code(), status.text());
    }
  }

  /**
   * {@code hl_startVitaleCardMonitoring}. The interval is accepted and ignored: events follow
   * PC/SC change notifications.
   */
  public record VitaleCardMonitoringInput(
      @JsonProperty("i_checkingInterval") Integer checkingInterval) {}

  /**
   * A frame pushed by {@code hl_startVitaleCardMonitoring}; {@code i_isDemoCard} (0 production, 1
   * test or demonstration) and {@code VitaleContent} only while a card was read.
   */
  public record VitaleMonitoringEvent(
      @JsonProperty("i_cardStatus") int cardStatus,
      @JsonProperty("s_cardStatus") String name,
      @JsonProperty("i_isDemoCard") Integer isDemoCard,
      @JsonProperty("VitaleContent") VitaleCardAnswer content) {

    /** An event without card content (missing card, read error). */
    public static VitaleMonitoringEvent of(VitaleMonitoringStatus status) {
      return new VitaleMonitoringEvent(status.code(), status.name(), null, null);
    }

    /** A card was found and read. */
    public static VitaleMonitoringEvent found(VitaleCardAnswer content) {
      boolean demo = content.cardStatus() != VitaleStatus.ProdCard.code();
      return new VitaleMonitoringEvent(
          VitaleMonitoringStatus.NewCardFound.code(),
          VitaleMonitoringStatus.NewCardFound.name(),
          demo ? 1 : 0,
          content);
    }
  }
}
