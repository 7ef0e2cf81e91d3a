package org.libreconnect.pkcs11;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Pkcs11Module} loads: the library, the slot, and mechanisms to hide from SunPKCS11.
 *
 * @param library the PKCS#11 library file
 * @param slot the slot holding the card
 * @param disabledMechanisms {@code CKM_*} names SunPKCS11 must not use, for example the PSS
 *     mechanisms to behave like a card without PSS; usually empty
 */
public record ModuleSettings(Path library, SlotSelection slot, Set<String> disabledMechanisms) {
  public ModuleSettings {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(slot, "slot");
    disabledMechanisms = Set.copyOf(disabledMechanisms);
    for (String mechanism : disabledMechanisms) {
      if (!mechanism.matches("CKM_[A-Z0-9_]+")) {
        throw new IllegalArgumentException("not a PKCS#11 mechanism name: " + mechanism);
      }
    }
  }

  /** The library and slot, with every mechanism enabled. */
  public static ModuleSettings of(Path library, SlotSelection slot) {
    return new ModuleSettings(library, slot, Set.of());
  }

  /** These settings with {@code mechanisms} disabled. */
  public ModuleSettings withDisabledMechanisms(Set<String> mechanisms) {
    return new ModuleSettings(library, slot, mechanisms);
  }
}
