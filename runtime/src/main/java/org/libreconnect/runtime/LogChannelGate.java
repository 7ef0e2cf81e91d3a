package org.libreconnect.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Objects;
import org.slf4j.Marker;

/**
 * Drops an event below the level of its logger's channel before the event is even built, so that
 * {@code isDebugEnabled()} answers for the channel and a level change applies to the next call.
 */
final class LogChannelGate extends TurboFilter {

  /** Service levels: the connector's own loggers', the libraries'; replaced together. */
  private record ServiceLevels(Level own, Level libraries) {}

  private volatile ServiceLevels service;
  private volatile Level connector;

  LogChannelGate(Level service, Level libraries, Level connector) {
    this.service = new ServiceLevels(Objects.requireNonNull(service, "service"),
        Objects.requireNonNull(libraries, "libraries"));
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  /**
   * @param own the level of the connector's own loggers in {@code service.log}
   * @param libraries the level of the other loggers (libraries)
   */
  void setServiceLevel(Level own, Level libraries) {
    service = new ServiceLevels(Objects.requireNonNull(own, "own"), Objects.requireNonNull(libraries, "libraries"));
  }

  void setConnectorLevel(Level level) {
    connector = Objects.requireNonNull(level, "level");
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null) {
      return FilterReply.NEUTRAL;
    }
    String name = logger.getName();
    Level threshold;
    if (LogChannel.of(name) == LogChannel.CONNECTOR) {
      threshold = connector;
    } else {
      ServiceLevels levels = service;
      threshold = name.startsWith(LogSetup.OWN_LOGGERS) ? levels.own() : levels.libraries();
    }
    return level.isGreaterOrEqual(threshold) ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}
