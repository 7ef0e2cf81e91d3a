package org.libreconnect.config;

import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The {@code <rest_server>} section of the configuration file: the server mode's listener, its
 * limits, the establishment credential it reaches the DMP with, and who may call it
 * (docs/configuration.md, docs/server-mode.md). Secrets are never in the file itself: the
 * PKCS#12 password and the PKCS#11 PIN are read from files named here, and callers' tokens are
 * kept as SHA-256 hashes.
 *
 * @param ip address to listen on
 * @param port TCP port
 * @param maxInFlight requests served at the same time; more are answered 503
 * @param requestTimeoutSeconds deadline of one request, DMP transactions included
 * @param tlsCertificate PEM chain of the service's own certificate; generated when absent
 * @param tlsKey PEM (PKCS#8) key of that certificate
 * @param establishment the establishment credential
 * @param clientCa PEM CA(s) whose client certificates identify callers, if any
 * @param callers the callers and what each may call
 * @param corsOrigins origins allowed to call from a browser (none by default)
 */
public record RestServerConfig(
    String ip,
    int port,
    int maxInFlight,
    int requestTimeoutSeconds,
    Optional<Path> tlsCertificate,
    Optional<Path> tlsKey,
    Establishment establishment,
    Optional<Path> clientCa,
    List<Caller> callers,
    List<String> corsOrigins) {
  public static final String DEFAULT_IP = "0.0.0.0";
  public static final int DEFAULT_PORT = 9979;
  public static final int DEFAULT_MAX_IN_FLIGHT = 64;
  public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern OPERATION = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}|\\*");

  public RestServerConfig {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(establishment, "establishment");
    callers = List.copyOf(callers);
    corsOrigins = List.copyOf(corsOrigins);
  }

  /**
   * The establishment's key and certificate: a PKCS#12 file or a PKCS#11 token (an HSM).
   *
   * @param pkcs12 the PKCS#12 file
   * @param passwordFile the file holding the PKCS#12 password or the token PIN (first line)
   * @param pkcs11Library the PKCS#11 module of the HSM
   * @param pkcs11Slot its slot id; the first slot with a token when absent
   * @param alias the key entry; the first one with a certificate when absent
   */
  public record Establishment(
      Optional<Path> pkcs12, Optional<Path> passwordFile, Optional<Path> pkcs11Library,
      Optional<Long> pkcs11Slot, Optional<String> alias) {
    public boolean configured() {
      return pkcs12.isPresent() || pkcs11Library.isPresent();
    }
  }

  /**
   * A caller of the service.
   *
   * @param name shown in logs
   * @param tokenSha256 SHA-256 of its bearer token (32 bytes), if it uses one
   * @param certificateSubject the subject DN of its client certificate (RFC 2253), if it uses one
   * @param operations the operations it may call; {@code *} for all
   */
  public record Caller(String name, Optional<byte[]> tokenSha256, Optional<String> certificateSubject,
      Set<String> operations) {
    public boolean allows(String operation) {
      return operations.contains("*") || operations.contains(operation);
    }
  }

  /** The section in {@code file}; defaults when the file or the section is absent. */
  public static RestServerConfig load(Path file) {
    return ConfigLoader.read(file)
        .map(bytes -> bind(SecureXml.parse(bytes, file.toString()).getDocumentElement()))
        .orElseGet(() -> bind(null));
  }

  /** The section in {@code in}, which is not closed. */
  public static RestServerConfig parse(InputStream in, String sourceName) {
    return bind(SecureXml.parse(SecureXml.readAll(in, sourceName), sourceName).getDocumentElement());
  }

  private static RestServerConfig bind(Element root) {
    ElementReader section = root == null
        ? ElementReader.root(null).section("rest_server")
        : ElementReader.root(root).section("rest_server");
    ElementReader tls = section.section("tls");
    ElementReader establishment = section.section("establishment");
    List<Caller> callers = section.section("callers").sections("caller").stream()
        .map(RestServerConfig::caller).toList();
    return new RestServerConfig(
        section.value("ip", RestServerConfig::host).orElse(DEFAULT_IP),
        section.port("port", DEFAULT_PORT),
        section.integer("max_in_flight", DEFAULT_MAX_IN_FLIGHT, 1, 10_000),
        section.integer("request_timeout_seconds", DEFAULT_REQUEST_TIMEOUT_SECONDS, 1, 3600),
        tls.value("certificate", RestServerConfig::path),
        tls.value("key", RestServerConfig::path),
        new Establishment(
            establishment.value("pkcs12", RestServerConfig::path),
            establishment.value("password_file", RestServerConfig::path),
            establishment.value("pkcs11_library", RestServerConfig::path),
            establishment.value("pkcs11_slot", RestServerConfig::slot),
            establishment.text("alias")),
        section.value("client_ca", RestServerConfig::path),
        callers,
        section.section("cors_origins").all("origin", RestServerConfig::origin));
  }

  private static Caller caller(ElementReader caller) {
    String name = caller.text("name").orElseThrow(
        () -> new ConfigException(caller.pathOf("name") + " is required"));
    Optional<byte[]> token = caller.value("token_sha256", text -> {
      if (!SHA256_HEX.matcher(text).matches()) {
        throw new IllegalArgumentException("is not a SHA-256 hash in hexadecimal (64 digits)");
      }
      return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
    });
    Optional<String> subject = caller.text("certificate_subject");
    if (token.isEmpty() && subject.isEmpty()) {
      throw new ConfigException(caller.pathOf("token_sha256")
          + " or certificate_subject is required: a caller must be identifiable");
    }
    Set<String> operations = Set.copyOf(caller.value("operations", text -> {
      List<String> names = List.of(text.strip().split("[\\s,]+"));
      for (String operation : names) {
        if (!OPERATION.matcher(operation).matches()) {
          throw new IllegalArgumentException("holds a name that is not an operation");
        }
      }
      return names;
    }).orElse(List.of()));
    return new Caller(name, token, subject, operations);
  }

  private static String host(String text) {
    if (!HostSyntax.isHostOrAddress(text)) {
      throw new IllegalArgumentException("is not a host name or an IP address");
    }
    return text;
  }

  private static Long slot(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a slot number");
    }
  }

  private static String origin(String text) {
    if (!text.matches("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
      throw new IllegalArgumentException("is not an origin (scheme://host[:port])");
    }
    return text;
  }

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a valid path (" + e.getReason() + ")", e);
    }
  }
}
