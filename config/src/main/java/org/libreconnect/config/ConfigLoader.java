package org.libreconnect.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the configuration file once into a validated {@link ConnectorConfig}.
 *
 * <p>Every element is optional and takes its default when missing or empty; unknown elements are
 * ignored; the root element may have any name ({@code libreconnect} by convention). Any error
 * throws a {@link ConfigException} naming the element and the value, or the file and the line.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /**
   * Reads {@code file}.
   *
   * @throws ConfigException when the file is missing, unreadable, not well-formed XML, or holds an
   *     invalid value
   */
  public static ConnectorConfig load(Path file) {
    return read(file)
        .map(bytes -> bind(bytes, file.toString()))
        .orElseThrow(() -> new ConfigException("configuration file " + file + " does not exist"));
  }

  /**
   * Reads {@code file}, or returns {@link ConnectorConfig#defaults()} when there is no such file.
   *
   * @throws ConfigException when the file exists but is unreadable or invalid
   */
  public static ConnectorConfig loadOrDefaults(Path file) {
    return read(file)
        .map(bytes -> bind(bytes, file.toString()))
        .orElseGet(ConnectorConfig::defaults);
  }

  /**
   * Reads a configuration from {@code in}, which is not closed.
   *
   * @param sourceName names the source in error messages, such as a file name
   * @throws ConfigException when the stream is unreadable, not well-formed XML, or holds an invalid
   *     value
   */
  public static ConnectorConfig parse(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    return bind(SecureXml.readAll(in, sourceName), sourceName);
  }

  /** The bytes of {@code file}, or empty when it does not exist. */
  static Optional<byte[]> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(SecureXml.readAll(in, file.toString()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e, e);
    }
  }

  private static ConnectorConfig bind(byte[] xml, String sourceName) {
    return ConfigBinder.bind(SecureXml.parse(xml, sourceName).getDocumentElement());
  }
}
