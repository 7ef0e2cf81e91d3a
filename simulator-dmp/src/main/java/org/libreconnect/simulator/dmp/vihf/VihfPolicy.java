package org.libreconnect.simulator.dmp.vihf;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How strictly the simulator checks VIHFs (dmp.md §6.3 item 3). The real DMP's tolerances are not
 * public: these are our choices.
 *
 * @param maxAge how old an {@code IssueInstant} may be against the simulator's clock
 * @param maxFutureSkew how far in the future an {@code IssueInstant} may be
 * @param nameIdMustMatchCertificate whether, in direct mode, the NameID must equal the TLS
 *     certificate's CN (off by default: the official examples themselves differ)
 * @param checkStructures whether {@code Identifiant_Structure} must be a known, active structure
 *     linked to the professional (direct mode)
 * @param signerIssuers the CAs whose certificates may sign a VIHF
 */
public record VihfPolicy(
    Duration maxAge,
    Duration maxFutureSkew,
    boolean nameIdMustMatchCertificate,
    boolean checkStructures,
    List<X509Certificate> signerIssuers) {

  /** The default maximum age of an IssueInstant. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

  /** The default tolerance for an IssueInstant in the future. */
  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(5);

  public VihfPolicy {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    signerIssuers = List.copyOf(signerIssuers);
  }

  /** The defaults: one hour old, five minutes ahead, no NameID check, structures checked. */
  public static VihfPolicy defaults(List<X509Certificate> signerIssuers) {
    return new VihfPolicy(DEFAULT_MAX_AGE, DEFAULT_MAX_FUTURE_SKEW, false, true, signerIssuers);
  }

  /** This policy with the NameID-versus-certificate check switched {@code on} or off. */
  public VihfPolicy withNameIdCheck(boolean on) {
    return new VihfPolicy(maxAge, maxFutureSkew, on, checkStructures, signerIssuers);
  }
}
