package org.libreconnect.runtime;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Builds the started Logback appenders of a {@link LogSetup}. */
final class LogAppenders {

  /** A log file rolls over when it reaches this size. */
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  /** Rolled files kept next to the active one: {@code service.log.1} to {@code service.log.5}. */
  static final int KEPT_ROLLED_FILES = 5;

  /**
   * How often the size of a log file is checked; Logback's default, a minute, lets it overshoot.
   */
  static final long SIZE_CHECK_MILLIS = 500;

  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]+");

  private final LoggerContext context;
  private final String pattern;

  LogAppenders(LoggerContext context, String processLabel) {
    if (processLabel == null || !LABEL.matcher(processLabel).matches()) {
      throw new IllegalArgumentException(
          "process label: \"" + processLabel + "\" must be letters, digits, '.', '_' or '-'");
    }
    this.context = context;
    this.pattern =
        "%" + LocalTimestampConverter.WORD + " %-5level "
            + processLabel
            + " [%thread] %logger{36} - %msg%n";
  }

  String pattern() {
    return pattern;
  }

  /**
   * A size-rolled file appender for one channel, writing only that channel's events, to files
   * readable by their owner only.
   */
  Appender<ILoggingEvent> file(LogChannel channel, Path file) {
    RollingFileAppender<ILoggingEvent> appender = new OwnerOnlyFileAppender<>();
    appender.setContext(context);
    appender.setName(channel.fileName());
    appender.setFile(file.toString());

    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(literalPattern(file.toString()) + ".%i");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(KEPT_ROLLED_FILES);
    rolling.start();

    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(new FileSize(MAX_FILE_BYTES));
    trigger.setCheckIncrement(Duration.buildByMilliseconds(SIZE_CHECK_MILLIS));
    trigger.start();

    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder());
    appender.addFilter(new LogChannelFilter(channel));
    appender.start();
    return requireStarted(appender, file.toString());
  }

  /** A console appender writing every channel to standard error. */
  Appender<ILoggingEvent> console() {
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("console");
    appender.setTarget("System.err");
    appender.setEncoder(encoder());
    appender.start();
    return requireStarted(appender, "standard error");
  }

  private LayoutWrappingEncoder<ILoggingEvent> encoder() {
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.getInstanceConverterMap().put(LocalTimestampConverter.WORD, LocalTimestampConverter::new);
    layout.setPattern(pattern);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.setLayout(layout);
    encoder.start();
    return encoder;
  }

  private Appender<ILoggingEvent> requireStarted(Appender<ILoggingEvent> appender, String target) {
    if (!appender.isStarted()) {
      String errors =
          context.getStatusManager().getCopyOfStatusList().stream()
              .filter(s -> s.getLevel() == Status.ERROR)
              .map(Status::getMessage)
              .collect(Collectors.joining("; "));
      throw new IllegalStateException("cannot log to " + target + ": " + errors);
    }
    return appender;
  }

  /** The path as a Logback file name pattern: forward slashes, and '%' taken literally. */
  private static String literalPattern(String path) {
    return path.replace('\\', '/').replace("%", "\\%");
  }
}
