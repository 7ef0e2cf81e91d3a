package org.libreconnect.runtime;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/** Lets through to a file appender only the events of that file's channel. */
final class LogChannelFilter extends Filter<ILoggingEvent> {

  private final LogChannel channel;

  LogChannelFilter(LogChannel channel) {
    this.channel = channel;
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return LogChannel.of(event.getLoggerName()) == channel ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}
