package org.libreconnect.simulator.dmp.vihf;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.libreconnect.simulator.dmp.store.Ins;

/**
 * A validated VIHF: who calls, for which patient, in which mode (dmp.md §1.4).
 *
 * @param issueInstant when it was issued
 * @param nameId the user's identifier (PS_IdNat in direct mode)
 * @param mode direct or indirect
 * @param structureId the {@code Identifiant_Structure}
 * @param roles the roles, profession first
 * @param patient the {@code resource-id} patient, when given
 * @param purposeOfUse the access mode
 * @param signed whether the assertion was signed (and the signature verified)
 */
public record Vihf(
    Instant issueInstant,
    String nameId,
    AuthenticationMode mode,
    String structureId,
    List<Role> roles,
    Optional<Ins> patient,
    PurposeOfUse purposeOfUse,
    boolean signed) {

  public Vihf {
    roles = List.copyOf(roles);
  }

  /** The profession (first role), such as {@code 10} Médecin. */
  public Role profession() {
    return roles.get(0);
  }

  /** The specialty role (TRE_R01), if any. */
  public Optional<Role> specialty() {
    return roles.stream()
        .filter(role -> Role.SPECIALTY_SYSTEM.equals(role.codeSystem()))
        .findFirst();
  }

  /**
   * Whether the user is a health professional with a card of their own (profession in TRE_G15),
   * rather than an employee (CPE) whose roles use other code systems.
   */
  public boolean healthProfessional() {
    return Role.PROFESSION_SYSTEM.equals(profession().codeSystem());
  }

  /** The patient, which patient-level transactions are sure to have. */
  public Ins requiredPatient() {
    return patient.orElseThrow(() -> new IllegalStateException("no resource-id"));
  }
}
