package org.libreconnect.worker.handlers;

import java.time.Duration;
import java.util.Optional;
import org.libreconnect.protocol.command.MonitoringCommands.DummyEvent;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.worker.EventStream;
import org.libreconnect.worker.HandlerTable;

/** The monitoring commands (spec 1.7): for now the dummy monitor, which pushes "Test". */
public final class MonitoringHandlers {

  /** How often the dummy monitor pushes its message, per the JS2 documentation. */
  public static final Duration DUMMY_PERIOD = Duration.ofSeconds(1);

  private final Duration dummyPeriod;

  /**
   * @param dummyPeriod {@link #DUMMY_PERIOD} in production; shorter in tests
   */
  public MonitoringHandlers(Duration dummyPeriod) {
    this.dummyPeriod = dummyPeriod;
  }

  /** Adds the monitoring commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table.streaming(
        "hl_startDummyMonitoring",
        NoInput.class,
        (session, input) ->
            new EventStream(dummyPeriod, dummyPeriod, () -> Optional.of(DummyEvent.TEST)));
  }
}
