package org.libreconnect.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.libreconnect.config.RestServerConfig.Caller;

/**
 * Who is calling: a bearer token (compared as SHA-256 hashes, in constant time, against every
 * configured caller) or a client certificate the TLS layer already verified against {@code
 * rest_server/client_ca} (matched by subject). No caller, no operation.
 */
public final class Callers {
  private static final String BEARER = "bearer ";

  private final List<Caller> callers;

  public Callers(List<Caller> callers) {
    this.callers = List.copyOf(callers);
  }

  /** The caller of a request with this {@code Authorization} header and client certificate. */
  public Optional<Caller> identify(String authorization, Optional<X509Certificate> clientCertificate) {
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      byte[] hash = sha256(authorization.substring(BEARER.length()).strip());
      Caller found = null;
      for (Caller caller : callers) {
        // Every hash is compared, whatever matched before: the time does not tell which caller.
        if (caller.tokenSha256().isPresent() && MessageDigest.isEqual(caller.tokenSha256().get(), hash)) {
          found = caller;
        }
      }
      return Optional.ofNullable(found);
    }
    if (clientCertificate.isPresent()) {
      X500Principal subject = clientCertificate.get().getSubjectX500Principal();
      for (Caller caller : callers) {
        if (caller.certificateSubject().isPresent()
            && new X500Principal(caller.certificateSubject().get()).equals(subject)) {
          return Optional.of(caller);
        }
      }
    }
    return Optional.empty();
  }

  /** The SHA-256 of a token, as {@code rest_server/callers/caller/token_sha256} holds it. */
  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #sha256} in hexadecimal. */
  public static String sha256Hex(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }
}
