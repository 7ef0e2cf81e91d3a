package org.libreconnect.pkcs11;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.libreconnect.pkcs11.exceptions.ReaderNotFoundException;

/**
 * Finds the PKCS#11 slot of a PC/SC reader, given the readers in PC/SC order (as {@code
 * javax.smartcardio}'s {@code CardTerminals.list()} returns them). The name must match exactly;
 * failing that, a single reader whose trimmed name matches ignoring case is accepted, as readers
 * names sometimes come back with different padding or case from clients.
 */
public final class SlotLocator {
  private final SlotRule rule;

  /** A locator for libraries that number slots by {@code rule}. */
  public SlotLocator(SlotRule rule) {
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * The slot for {@code readerName}.
   *
   * @param readers every PC/SC reader name, in PC/SC order
   * @throws ReaderNotFoundException when no reader (or more than one, loosely) matches
   */
  public SlotSelection locate(String readerName, List<String> readers) {
    Objects.requireNonNull(readerName, "readerName");
    int exact = readers.indexOf(readerName);
    if (exact >= 0) {
      return rule.slotFor(exact);
    }
    String wanted = normalise(readerName);
    List<Integer> loose = new ArrayList<>();
    for (int i = 0; i < readers.size(); i++) {
      if (normalise(readers.get(i)).equals(wanted)) {
        loose.add(i);
      }
    }
    if (loose.size() == 1) {
      return rule.slotFor(loose.get(0));
    }
    throw new ReaderNotFoundException(
        (loose.isEmpty() ? "no PC/SC reader is named \"" : "several PC/SC readers match \"")
            + readerName + "\"; readers present: " + readers,
        null);
  }

  /** The rule this locator applies. */
  public SlotRule rule() {
    return rule;
  }

  private static String normalise(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
