package org.libreconnect.simulator.dmp.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The simulated DMP's data: patients, authorisations, structures, professionals and documents,
 * seeded from JSON and resettable to the seed like the training servers. Thread-safe: every
 * method holds the store's lock, and values are immutable records.
 */
public final class DmpStore {
  private DmpSeed seed;
  private StoreContents pristine;
  private StoreContents contents;

  /** A store holding {@code seed}, validated. */
  public DmpStore(DmpSeed seed) {
    reseed(seed);
  }

  /** Replaces the seed (validated first) and resets to it. */
  public synchronized void reseed(DmpSeed newSeed) {
    StoreContents loaded = SeedLoader.load(Objects.requireNonNull(newSeed, "seed"));
    this.seed = newSeed;
    this.pristine = loaded;
    this.contents = loaded.copy();
  }

  /** Drops every change since the seed. */
  public synchronized void reset() {
    contents = pristine.copy();
  }

  /** The current seed. */
  public synchronized DmpSeed seed() {
    return seed;
  }

  /** The patient whose INS value is {@code ins}. */
  public synchronized Optional<Patient> patient(String ins) {
    return Optional.ofNullable(contents.patients.get(ins));
  }

  /** Adds {@code patient}, or replaces the patient of the same INS (TD1.1 to TD1.4). */
  public synchronized void putPatient(Patient patient) {
    contents.patients.put(patient.ins().value(), Objects.requireNonNull(patient, "patient"));
  }

  /** Every patient, in seed order. */
  public synchronized List<Patient> patients() {
    return List.copyOf(contents.patients.values());
  }

  /** The structure whose Struct_IdNat is {@code id}. */
  public synchronized Optional<Structure> structure(String id) {
    return Optional.ofNullable(contents.structures.get(id));
  }

  /** The professional whose PS_IdNat is {@code psIdNat}. */
  public synchronized Optional<Professional> professional(String psIdNat) {
    return Optional.ofNullable(contents.professionals.get(psIdNat));
  }

  /** Records {@code professional} unless one with the same PS_IdNat is known. */
  public synchronized void rememberProfessional(Professional professional) {
    contents.professionals.putIfAbsent(professional.psIdNat(), professional);
  }

  /** The authorisation of {@code psIdNat} on {@code ins}; empty means NON_EXISTE. */
  public synchronized Optional<Authorization> authorization(String psIdNat, String ins) {
    return Optional.ofNullable(contents.authorizations.get(StoreContents.key(psIdNat, ins)));
  }

  /** The state of {@code psIdNat}'s authorisation on {@code ins}. */
  public synchronized AuthorizationState authorizationState(String psIdNat, String ins) {
    return authorization(psIdNat, ins).map(Authorization::state)
        .orElse(AuthorizationState.NON_EXISTE);
  }

  /** Every authorisation on the patient {@code ins}. */
  public synchronized List<Authorization> authorizationsOnPatient(String ins) {
    return contents.authorizations.values().stream().filter(a -> a.ins().equals(ins)).toList();
  }

  /** Every authorisation held by {@code psIdNat}. */
  public synchronized List<Authorization> authorizationsOf(String psIdNat) {
    return contents.authorizations.values().stream()
        .filter(a -> a.psIdNat().equals(psIdNat)).toList();
  }

  /** Stores {@code authorization}, replacing the previous one for the same pair. */
  public synchronized void putAuthorization(Authorization authorization) {
    contents.authorizations.put(
        StoreContents.key(authorization.psIdNat(), authorization.ins()), authorization);
  }

  /** Removes the authorisation of {@code psIdNat} on {@code ins} (it becomes NON_EXISTE). */
  public synchronized void removeAuthorization(String psIdNat, String ins) {
    contents.authorizations.remove(StoreContents.key(psIdNat, ins));
  }

  /** The documents of the patient {@code ins}, newest first, whatever their status. */
  public synchronized List<StoredDocument> documentsOf(String ins) {
    List<StoredDocument> found = new ArrayList<>();
    for (StoredDocument document : contents.documents.values()) {
      if (document.metadata().patient().value().equals(ins)) {
        found.add(document);
      }
    }
    found.sort(Comparator.comparing(StoredDocument::submissionTime).reversed());
    return found;
  }

  /** The document entry whose entryUUID is {@code entryUuid}. */
  public synchronized Optional<StoredDocument> documentByEntryUuid(String entryUuid) {
    return Optional.ofNullable(contents.documents.get(entryUuid));
  }

  /** The document entry whose uniqueId is {@code uniqueId}. */
  public synchronized Optional<StoredDocument> documentByUniqueId(String uniqueId) {
    return contents.documents.values().stream()
        .filter(document -> document.metadata().uniqueId().equals(uniqueId)).findFirst();
  }

  /**
   * Adds {@code submitted} at once and deprecates the entries in {@code replaced}; nothing is
   * changed when a uniqueId is already used (the duplicates are returned).
   */
  public synchronized List<String> submit(List<StoredDocument> submitted, List<String> replaced) {
    List<String> duplicates = new ArrayList<>();
    for (StoredDocument document : submitted) {
      if (documentByUniqueId(document.metadata().uniqueId()).isPresent()) {
        duplicates.add(document.metadata().uniqueId());
      }
    }
    if (!duplicates.isEmpty()) {
      return duplicates;
    }
    for (String entryUuid : replaced) {
      contents.documents.computeIfPresent(entryUuid,
          (key, old) -> old.withStatus(DocumentStatus.DEPRECATED));
    }
    for (StoredDocument document : submitted) {
      contents.documents.put(document.entryUuid(), document);
    }
    return List.of();
  }

  /** Replaces the entry {@code entryUuid} by {@code change} applied to it, atomically. */
  public synchronized Optional<StoredDocument> update(
      String entryUuid, UnaryOperator<StoredDocument> change) {
    StoredDocument current = contents.documents.get(entryUuid);
    if (current == null) {
      return Optional.empty();
    }
    StoredDocument changed = change.apply(current);
    contents.documents.put(entryUuid, changed);
    return Optional.of(changed);
  }
}
