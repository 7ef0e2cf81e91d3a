package org.libreconnect.diagnostics;

/** One check of the surroundings the connector depends on. Runs on the caller's thread, bounded. */
public interface LiveCheck {
  CheckResult run();
}
