package org.libreconnect.runtime;

/** The two log files of a process, and which loggers write to which. */
enum LogChannel {
  /** The server and routing side: JS2's "server log". */
  SERVICE("service.log"),
  /** The card, PKCS#11 and DMP side: JS2's "DmpConnect log". */
  CONNECTOR("connector.log");

  private final String fileName;

  LogChannel(String fileName) {
    this.fileName = fileName;
  }

  String fileName() {
    return fileName;
  }

  /** The channel of a logger: connector when its name starts with a connector prefix. */
  static LogChannel of(String loggerName) {
    for (String prefix : LogSetup.CONNECTOR_LOGGERS) {
      if (loggerName.startsWith(prefix)) {
        return CONNECTOR;
      }
    }
    return SERVICE;
  }
}
