package org.libreconnect.worker.card;

import java.security.NoSuchAlgorithmException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's PC/SC readers through the JDK's SunPCSC provider. The factory is made with {@code
 * TerminalFactory.getInstance("PC/SC", null)} on first use and again after each failure until the
 * PC/SC service answers: {@code getDefault()} would settle for a "None" factory forever when the
 * service is down at the first call. Once made, its context lives as long as the JVM.
 */
public final class PcscTerminalsPort implements CardTerminalsPort {
  private static final Logger log = LoggerFactory.getLogger(PcscTerminalsPort.class);

  private CardTerminals terminals;

  @Override
  public synchronized CardTerminals terminals() {
    if (terminals == null) {
      try {
        terminals = TerminalFactory.getInstance("PC/SC", null).terminals();
        log.info("pcsc.context.established");
      } catch (NoSuchAlgorithmException e) {
        throw new PcscUnavailableException(
            "the PC/SC service is not running or cannot be reached ("
                + PcscFailures.detail(e)
                + ")",
            e);
      }
    }
    return terminals;
  }

  @Override
  public synchronized boolean holdsPcscContext() {
    return terminals != null;
  }

  @Override
  public String kind() {
    return "PC/SC";
  }
}
