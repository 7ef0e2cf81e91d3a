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

  private volatile Level service;
  private volatile Level connector;

  LogChannelGate(Level service, Level connector) {
    this.service = Objects.requireNonNull(service, "service");
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  void setServiceLevel(Level level) {
    service = Objects.requireNonNull(level, "level");
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
    Level threshold = LogChannel.of(logger.getName()) == LogChannel.CONNECTOR ? connector : service;
    return level.isGreaterOrEqual(threshold) ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}
