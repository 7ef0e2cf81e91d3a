package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Inputs and answers of the session commands (protocol spec section 3). */
public final class SessionCommands {
  private SessionCommands() {}

  /** {@code hl_openSession}. */
  public record OpenSessionInput(
      @JsonProperty("i_timeoutInSeconds") Integer timeoutInSeconds,
      @JsonProperty("s_userName") String userName,
      @JsonProperty("s_domainName") String domainName,
      @JsonProperty("s_applicationId") String applicationId,
      @JsonProperty("s_proxyIpOrUrl") String proxyIpOrUrl,
      @JsonProperty("i_proxyPort") Integer proxyPort,
      @JsonProperty("s_proxyLogin") String proxyLogin,
      @JsonProperty("s_proxyPassword") String proxyPassword,
      @JsonProperty("s_dcparameters64") String dcParameters64,
      @JsonProperty("i_getDcparamInformations") Integer getDcParamInformations,
      @JsonProperty("i_disableUpdateCheck") Integer disableUpdateCheck,
      @JsonProperty("s_updateCheckChannel") String updateCheckChannel,
      @JsonProperty("s_numHomologation") String numHomologation,
      @JsonProperty("s_producerAddress") String producerAddress,
      @JsonProperty("s_softwareDetails") String softwareDetails) {

    @Override
    public String toString() {
      return "OpenSessionInput[timeout="
          + timeoutInSeconds
          + ", applicationId="
          + applicationId
          + ", userName="
          + userName
          + ", domainName="
          + domainName
          + ", proxy="
          + proxyIpOrUrl
          + ":"
          + proxyPort
          + ", proxyPassword="
          + (proxyPassword == null ? "none" : "***")
          + "]";
    }
  }

  /** Answer of {@code hl_openSession}. */
  public record OpenSessionAnswer(
      @JsonProperty("s_sessionId") String sessionId,
      @JsonProperty("s_serviceVersion") String serviceVersion,
      @JsonProperty("i_isProduction") int isProduction,
      @JsonProperty("s_proxyServer") String proxyServer,
      @JsonProperty("i_proxyPort") Integer proxyPort,
      @JsonProperty("s_proxyLogin") String proxyLogin,
      @JsonProperty("s_proxyPass") String proxyPass,
      @JsonProperty("s_ntpServer") String ntpServer,
      @JsonProperty("i_ntpPort") Integer ntpPort) {

    @Override
    public String toString() {
      return "OpenSessionAnswer[" + sessionId + ", proxy=" + proxyServer + "]";
    }
  }

  /**
   * Answer of {@code hl_getSessionState}: the handles of the objects the session holds, 0 when
   * absent.
   */
  public record SessionStateAnswer(
      @JsonProperty("i_error") int error,
      @JsonProperty("i_cpxReader") int cpxReader,
      @JsonProperty("i_cpxCard") int cpxCard,
      @JsonProperty("i_vitaleCard") int vitaleCard,
      @JsonProperty("i_practiceLocation") int practiceLocation,
      @JsonProperty("i_authToken") int authToken,
      @JsonProperty("i_connection") int connection,
      @JsonProperty("i_caCert") int caCert,
      @JsonProperty("i_user") int user,
      @JsonProperty("i_dmpConnector") int dmpConnector,
      @JsonProperty("i_documentsFound") int documentsFound,
      @JsonProperty("i_insiConnector") int insiConnector) {}
}
