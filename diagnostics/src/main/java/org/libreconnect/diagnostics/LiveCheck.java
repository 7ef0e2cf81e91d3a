package org.libreconnect.diagnostics;

/** One check of the surroundings the connector depends on. Runs on the caller's thread, bounded. */
public interface LiveCheck {
  /** What is checked, as the result names it (also used when the check gives no result in time). */
  String name();

  CheckResult run();
}
