package org.libreconnect.runtime;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Logback as SLF4J's provider, without Logback's search for a configuration: the context starts
 * with {@link BootstrapLogConfigurator}'s setting (INFO and above to standard error) and waits for
 * {@link LogSetup#configure}, which a worker calls first thing. No {@code logback.xml}, {@code
 * logback-test.xml} or {@code logback.configurationFile} is read.
 *
 * <p>Named by the worker's command line ({@code -Dslf4j.provider=}{@value #CLASS_NAME}, with
 * {@code -Dslf4j.internal.verbosity=WARN}: SLF4J otherwise says on standard error that it was
 * named), so that SLF4J does not look for providers either. Both searches go through every jar of
 * the class path ({@code ServiceLoader}), and the first search in a JVM opens them all: about
 * 35 ms of a worker's start with its 87 jars, paid before its hello (ADR 0035). Not listed in
 * {@code META-INF/services}: a JVM that does not name it keeps Logback's own provider.
 */
public final class DirectLogbackProvider implements SLF4JServiceProvider {
  /** The value of {@code -Dslf4j.provider} that selects this provider. */
  public static final String CLASS_NAME = "org.libreconnect.runtime.DirectLogbackProvider";

  private static final String REQUESTED_API_VERSION = "2.0.99";

  private final LoggerContext context = new LoggerContext();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

  /** Used by SLF4J. */
  public DirectLogbackProvider() {}

  @Override
  public void initialize() {
    context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
    context.setMDCAdapter(mdc);
    BootstrapLogConfigurator.toStandardError(context);
    context.start();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return context;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return REQUESTED_API_VERSION;
  }
}
