package org.libreconnect.worker;

import java.nio.file.Path;
import org.libreconnect.runtime.LogSetup;

/** {@link LogControl} backed by the process's Logback set-up. */
public final class LogSetupControl implements LogControl {
  private final LogSetup setup;

  public LogSetupControl(LogSetup setup) {
    this.setup = setup;
  }

  @Override
  public Path serviceLog() {
    return setup.serviceLog();
  }

  @Override
  public Path connectorLog() {
    return setup.connectorLog();
  }

  @Override
  public void flush() {
    setup.flush();
  }

  @Override
  public void setLevels(int serviceLevel, int connectorLevel) {
    setup.setServiceLevel(serviceLevel);
    setup.setConnectorLevel(connectorLevel);
  }
}
