package org.libreconnect.diagnostics;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a diagnostics bundle is made of. {@code status} gives the master's status JSON (or a
 * sentence saying why there is none); {@code secrets} are literal values (such as the proxy
 * password) that must appear nowhere in the bundle, whatever file they might hide in.
 */
public record BundleSources(
    Path configFile,
    Path logDirectory,
    Supplier<String> status,
    Supplier<List<CheckResult>> checks,
    Supplier<String> readers,
    Supplier<String> pkcs11,
    List<String> secrets) {

  public BundleSources {
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(logDirectory, "logDirectory");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(readers, "readers");
    Objects.requireNonNull(pkcs11, "pkcs11");
    secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
  }
}
