package org.libreconnect.dmp.vihf;

import java.time.Instant;
import java.util.Objects;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.DmpPracticeLocation;

/**
 * Everything one VIHF says: who (card holder and issuer DN), where (practice location), about whom
 * (patient, may be null for user-level calls such as TD0.4), how (access mode, secret connection),
 * with which software, and when.
 *
 * @param patientResourceId the patient as HL7 CX {@code <INS>^^^&<OID>&ISO^NH}, or null
 * @param indirect the indirect-mode additions, or null in direct (card) mode
 */
public record VihfContext(
    DmpHolder holder,
    String issuerDn,
    DmpPracticeLocation location,
    String patientResourceId,
    AccessMode accessMode,
    boolean secretConnection,
    LpsIdentity software,
    Instant issueInstant,
    IndirectAuthentication indirect) {
  /** A direct-mode context. */
  public VihfContext(DmpHolder holder, String issuerDn, DmpPracticeLocation location,
      String patientResourceId, AccessMode accessMode, boolean secretConnection,
      LpsIdentity software, Instant issueInstant) {
    this(holder, issuerDn, location, patientResourceId, accessMode, secretConnection, software,
        issueInstant, null);
  }

  public VihfContext {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(issuerDn, "issuerDn");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(accessMode, "accessMode");
    Objects.requireNonNull(software, "software");
    Objects.requireNonNull(issueInstant, "issueInstant");
  }
}
