package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.libreconnect.protocol.Required;

/**
 * Inputs and answers of the INSi commands (protocol spec section 2.9), with the JS2 keys as
 * clients send and read them. The INSi server URL of {@code hl_createInsiConnector} is not
 * documented publicly: both {@code s_insiUrl} and {@code s_serviceUrl} are read (docs/insi.md).
 */
public final class InsiCommands {
  private InsiCommands() {}

  /**
   * {@code hl_createInsiConnector}: the same positional shape as {@code hl_createDmpConnector}.
   * {@link #toString()} masks the PIN and the proxy password.
   */
  public record CreateInsiConnectorInput(
      @Required @JsonProperty("s_pinCode") String pinCode,
      @JsonProperty("s_insiUrl") String insiUrl,
      @JsonProperty("s_serviceUrl") String serviceUrl,
      @JsonProperty("i_transactionsTimeout") Integer transactionsTimeout,
      @JsonProperty("s_practiceSetting") String practiceSetting,
      @JsonProperty("i_cpsPracticeLocationIndice") Integer cpsPracticeLocationIndice,
      @JsonProperty("s_proxyIpOrUrl") String proxyIpOrUrl,
      @JsonProperty("i_proxyPort") Integer proxyPort,
      @JsonProperty("s_proxyLogin") String proxyLogin,
      @JsonProperty("s_proxyPassword") String proxyPassword,
      @JsonProperty("s_ntpIpOrUrl") String ntpIpOrUrl,
      @JsonProperty("i_ntpPort") Integer ntpPort) {

    /** The URL under either key; {@code s_insiUrl} wins when both are given. */
    public String url() {
      if (insiUrl != null && !insiUrl.isBlank()) {
        return insiUrl;
      }
      return serviceUrl;
    }

    @Override
    public String toString() {
      return "CreateInsiConnectorInput[url=" + url() + ", timeout=" + transactionsTimeout
          + ", practiceSetting=" + practiceSetting + ", location=" + cpsPracticeLocationIndice
          + ", proxy=" + proxyIpOrUrl + ":" + proxyPort + ", ntp=" + ntpIpOrUrl + ":" + ntpPort
          + ", pin=***, proxyPassword=" + (proxyPassword == null ? "none" : "***") + "]";
    }
  }

  /**
   * The software's identification that INSi requests carry ({@code ContexteLPS} and the
   * assertion's billing attribute).
   *
   * @param idam CNDA authorisation number ({@code IDAM})
   * @param numAm its reference ({@code IDAM R="…"}); the JS2 guide's example sends "04"
   * @param version software version
   * @param instance the installation's UUID
   * @param name software name
   * @param billingNumber FINESS or health-insurance number of the structure
   */
  public record LpsInfos(
      @JsonProperty("s_idam") String idam,
      @JsonProperty("s_numAM") String numAm,
      @JsonProperty("s_version") String version,
      @JsonProperty("s_instance") String instance,
      @JsonProperty("s_name") String name,
      @JsonProperty("s_billingNumber") String billingNumber) {}

  /** {@code hl_getInsFromIdentityInformation}. */
  public record InsFromIdentityInput(
      @Required @JsonProperty("LpsInfos") LpsInfos lpsInfos,
      @Required @JsonProperty("s_birthName") String birthName,
      @Required @JsonProperty("s_given") String given,
      @Required @JsonProperty("i_sex") Integer sex,
      @Required @JsonProperty("s_birthDate") String birthDate,
      @JsonProperty("s_birthPlace") String birthPlace) {}

  /** {@code hl_checkInsIdentity}. */
  public record CheckInsIdentityInput(
      @Required @JsonProperty("LpsInfos") LpsInfos lpsInfos,
      @Required @JsonProperty("s_ins") String ins,
      @Required @JsonProperty("s_key") String key,
      @JsonProperty("s_oid") String oid,
      @Required @JsonProperty("s_birthName") String birthName,
      @Required @JsonProperty("s_given") String given,
      @Required @JsonProperty("i_sex") Integer sex,
      @Required @JsonProperty("s_birthDate") String birthDate,
      @JsonProperty("s_birthPlace") String birthPlace) {}

  /** {@code hl_getInsFromVitaleCard}: a beneficiary of the last Vitale card read. */
  public record InsFromVitaleCardInput(
      @Required @JsonProperty("LpsInfos") LpsInfos lpsInfos,
      @Required @JsonProperty("i_vitalePatientIndex") Integer vitalePatientIndex) {}

  /** An INS: matricule, key, OID of the assigning authority, validity dates (YYYY-MM-DD, may be empty). */
  public record InsValue(
      @JsonProperty("s_value") String value,
      @JsonProperty("s_key") String key,
      @JsonProperty("s_oid") String oid,
      @JsonProperty("s_startDate") String startDate,
      @JsonProperty("s_endDate") String endDate) {}

  /**
   * The identity INSi returned: its active INS, the INS traits, and the INS it replaced.
   *
   * @param sex 2 male, 3 female (Sex enum)
   * @param birthGiven the list of birth given names, space-separated
   */
  public record Identity(
      @JsonProperty("Ins") InsValue ins,
      @JsonProperty("s_birthName") String birthName,
      @JsonProperty("s_given") String given,
      @JsonProperty("s_birthGiven") String birthGiven,
      @JsonProperty("i_sex") int sex,
      @JsonProperty("s_birthDate") String birthDate,
      @JsonProperty("s_birthPlace") String birthPlace,
      @JsonProperty("History") List<InsValue> history) {}

  /**
   * Answer of the INS searches: {@code i_insIdentityResult} 1 none, 2 one (with {@code Identity}),
   * 3 several.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record InsSearchAnswer(
      @JsonProperty("i_insIdentityResult") int insIdentityResult,
      @JsonProperty("Identity") Identity identity) {}
}
