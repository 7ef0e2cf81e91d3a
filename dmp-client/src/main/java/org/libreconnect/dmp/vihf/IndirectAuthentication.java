package org.libreconnect.dmp.vihf;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What a VIHF in indirect mode adds (dmp.md §1.4, §1.5): the mode, the user's identity
 * ({@code subject-id}), how the establishment authenticated that user, and the establishment's
 * key and certificate that sign the assertion (its DN is the {@code Issuer}, its {@code OU} the
 * {@code Identifiant_Structure}).
 *
 * @param mode {@code INDIRECTE} or {@code INDIRECTE_RENFORCEE}
 * @param subjectId "Nom Prénom [Service]" of the user
 * @param authnContextClassRef the SAML authentication context class of the user's local login
 * @param signingKey the establishment's private key (a PKCS#12 key or a PKCS#11 token key)
 * @param signingCertificate its certificate
 */
public record IndirectAuthentication(
    String mode,
    String subjectId,
    String authnContextClassRef,
    PrivateKey signingKey,
    X509Certificate signingCertificate) {
  /** The two indirect modes. */
  public static final String INDIRECTE = "INDIRECTE";
  public static final String INDIRECTE_RENFORCEE = "INDIRECTE_RENFORCEE";

  public IndirectAuthentication {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(authnContextClassRef, "authnContextClassRef");
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(signingCertificate, "signingCertificate");
    if (!mode.equals(INDIRECTE) && !mode.equals(INDIRECTE_RENFORCEE)) {
      throw new IllegalArgumentException("mode must be INDIRECTE or INDIRECTE_RENFORCEE");
    }
  }
}
