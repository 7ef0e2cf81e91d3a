package org.libreconnect.simulator.dmp.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** The mutable contents of the simulated DMP, copied from the seed and guarded by the store. */
final class StoreContents {
  final Map<String, Structure> structures = new LinkedHashMap<>();
  final Map<String, Professional> professionals = new LinkedHashMap<>();
  final Map<String, Patient> patients = new LinkedHashMap<>();
  /** Key: {@code psIdNat + "|" + ins}. */
  final Map<String, Authorization> authorizations = new LinkedHashMap<>();
  /** Key: entryUUID. */
  final Map<String, StoredDocument> documents = new LinkedHashMap<>();

  /** A deep enough copy: the values are immutable records. */
  StoreContents copy() {
    StoreContents copy = new StoreContents();
    copy.structures.putAll(structures);
    copy.professionals.putAll(professionals);
    copy.patients.putAll(patients);
    copy.authorizations.putAll(authorizations);
    copy.documents.putAll(documents);
    return copy;
  }

  static String key(String psIdNat, String ins) {
    return psIdNat + "|" + ins;
  }
}
