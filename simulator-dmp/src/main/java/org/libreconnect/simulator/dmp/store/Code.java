package org.libreconnect.simulator.dmp.store;

import java.util.Objects;

/**
 * A coded value of XDS metadata.
 *
 * @param code the code, such as {@code "11488-4"}
 * @param scheme its coding scheme, such as {@code "2.16.840.1.113883.6.1"}
 * @param label its display name (may be empty)
 */
public record Code(String code, String scheme, String label) {

  public Code {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(scheme, "scheme");
    label = label == null ? "" : label;
  }
}
