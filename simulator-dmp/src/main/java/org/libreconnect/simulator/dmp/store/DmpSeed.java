package org.libreconnect.simulator.dmp.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON seed of the simulated DMP (docs/dmp-simulator.md describes the format). Unknown keys
 * are refused; {@link SeedLoader} validates the values.
 *
 * @param structures the health structures
 * @param professionals the professionals, for TD1.6 and document authors
 * @param patients the test patients and their DMP state
 * @param authorizations the authorisations (absence means NON_EXISTE)
 * @param documents the documents already in the DMPs
 */
public record DmpSeed(
    List<StructureSeed> structures,
    List<ProfessionalSeed> professionals,
    List<PatientSeed> patients,
    List<AuthorizationSeed> authorizations,
    List<DocumentSeed> documents) {

  /** The seed shipped with the simulator, {@code /dmp/seed.json}. */
  public static final String DEFAULT_RESOURCE = "/dmp/seed.json";

  public DmpSeed {
    structures = structures == null ? List.of() : List.copyOf(structures);
    professionals = professionals == null ? List.of() : List.copyOf(professionals);
    patients = patients == null ? List.of() : List.copyOf(patients);
    authorizations = authorizations == null ? List.of() : List.copyOf(authorizations);
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /** The seed shipped with the simulator. */
  public static DmpSeed defaultSeed() {
    try (InputStream in = DmpSeed.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
      }
      return read(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a seed file. */
  public static DmpSeed read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads a seed from {@code in}; {@code source} names it in error messages. */
  public static DmpSeed read(InputStream in, String source) throws IOException {
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      return mapper.readValue(in, DmpSeed.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          source + ": unknown key \"" + e.getPropertyName() + "\" at " + e.getPathReference(), e);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(source + ": " + e.getOriginalMessage(), e);
    }
  }

  /** A structure: {@code id} (Struct_IdNat), {@code name}, {@code sector}, members' PS_IdNat. */
  public record StructureSeed(
      String id, String name, String sector, Boolean active, List<String> members) {}

  /** A professional, named as on the card. */
  public record ProfessionalSeed(
      String psIdNat,
      String lastName,
      String firstName,
      String profession,
      String professionLabel,
      String specialty,
      String specialtyLabel) {}

  /** A test patient; {@code dmp} is EXISTING, CLOSED or ABSENT. */
  public record PatientSeed(
      String ins,
      String insOid,
      String insC,
      String lastName,
      String firstName,
      String gender,
      String birthDate,
      String dmp,
      Boolean webAccountOpen,
      Boolean ensAttached,
      Boolean oppositionBrisDeGlace,
      Boolean oppositionCentre15,
      String email,
      String mobile,
      String postalCode,
      String city) {}

  /** An authorisation: {@code state} VALIDE, EXPIRE or INTERDIT (NON_EXISTE: leave it out). */
  public record AuthorizationSeed(
      String psIdNat, String ins, String state, Boolean treatingPhysician, String since) {}

  /** A coded value; {@code scheme} defaults to the usual one for the field. */
  public record CodeSeed(String code, String scheme, String label) {}

  /** A document; {@code content} is UTF-8 text, or {@code contentBase64} any bytes. */
  public record DocumentSeed(
      String entryUuid,
      String uniqueId,
      String ins,
      String title,
      String description,
      String mimeType,
      String creationTime,
      String submissionTime,
      CodeSeed classCode,
      CodeSeed typeCode,
      CodeSeed formatCode,
      CodeSeed practiceSetting,
      CodeSeed facilityType,
      List<String> confidentiality,
      String authorPsIdNat,
      String authorStructureId,
      String status,
      String content,
      String contentBase64) {}
}
