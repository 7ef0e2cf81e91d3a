package org.libreconnect.supervisor;

/**
 * The proxy and NTP presets of the Settings tab, as typed: an empty field means "not set" (no
 * proxy; the default NTP servers; the default port).
 */
public record ConnectorSettings(
    String proxyServer, String proxyPort, String proxyLogin, String proxyPassword,
    String ntpServer, String ntpPort) {

  public ConnectorSettings {
    proxyServer = clean(proxyServer);
    proxyPort = clean(proxyPort);
    proxyLogin = clean(proxyLogin);
    proxyPassword = proxyPassword == null ? "" : proxyPassword;
    ntpServer = clean(ntpServer);
    ntpPort = clean(ntpPort);
  }

  private static String clean(String value) {
    return value == null ? "" : value.strip();
  }
}
