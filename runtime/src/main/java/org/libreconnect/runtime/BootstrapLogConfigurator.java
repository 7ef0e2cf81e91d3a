package org.libreconnect.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration until {@link LogSetup#configure} runs: INFO and above to standard error,
 * never to standard output (a worker's standard output may be a pipe to its master).
 *
 * <p>Logback finds this class through {@code META-INF/services}; it is not meant to be called
 * directly. It steps aside when the {@code logback.configurationFile} system property is set or a
 * {@code logback-test.xml} is on the class path, so that tests and explicit configurations keep
 * working; a stray {@code logback.xml} in a dependency is ignored.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class BootstrapLogConfigurator extends ContextAwareBase implements Configurator {

  /** Used by Logback's service loader. */
  public BootstrapLogConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null || hasTestConfiguration()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    toStandardError(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The bootstrap setting itself: INFO and above to standard error. */
  static void toStandardError(LoggerContext context) {
    LogAppenders appenders = new LogAppenders(context, "startup");
    var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appenders.console());
  }

  private static boolean hasTestConfiguration() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = BootstrapLogConfigurator.class.getClassLoader();
    }
    return loader != null && loader.getResource("logback-test.xml") != null;
  }
}
