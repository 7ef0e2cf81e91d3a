package org.libreconnect.diagnostics;

import java.util.Objects;

/**
 * The outcome of one live check: what was checked, whether it passed, what was seen, and — when it
 * failed — one sentence saying what to do.
 */
public record CheckResult(String name, Outcome outcome, String detail, String remedy) {

  /** Whether a check passed, failed, or did not apply to this configuration. */
  public enum Outcome {
    OK,
    FAILED,
    SKIPPED
  }

  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    remedy = remedy == null ? "" : remedy;
  }

  public static CheckResult ok(String name, String detail) {
    return new CheckResult(name, Outcome.OK, detail, "");
  }

  public static CheckResult failed(String name, String detail, String remedy) {
    return new CheckResult(name, Outcome.FAILED, detail, remedy);
  }

  public static CheckResult skipped(String name, String detail) {
    return new CheckResult(name, Outcome.SKIPPED, detail, "");
  }

  public boolean passed() {
    return outcome != Outcome.FAILED;
  }

  /** One line for a text report: {@code [OK] name: detail — remedy}. */
  public String line() {
    return "[" + outcome + "] " + name + ": " + detail + (remedy.isEmpty() ? "" : " — " + remedy);
  }
}
