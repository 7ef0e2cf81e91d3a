package org.libreconnect.installer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.libreconnect.master.tls.ServerCertificates;

/** Test CAs made by the connector's own certificate code, in a temporary directory. */
final class Certificates {
  private Certificates() {}

  /** Generates a CA (and server certificate) under {@code directory} and returns the CA file. */
  static Path newCa(Path directory) throws Exception {
    ServerCertificates certificates =
        new ServerCertificates(directory, "localhost.icanopee.net", Clock.fixed(Instant.now(), ZoneOffset.UTC));
    certificates.ensure();
    return certificates.caCertificateFile();
  }
}
