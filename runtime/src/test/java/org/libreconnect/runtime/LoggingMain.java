package org.libreconnect.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A child process for {@link BootstrapLogConfiguratorTest}: logs before any {@link LogSetup}. */
public final class LoggingMain {

  private LoggingMain() {}

  public static void main(String[] args) {
    Logger log = LoggerFactory.getLogger("org.libreconnect.master.Y");
    log.debug("bootstrap.debug");
    log.info("bootstrap.info");
  }
}
