package org.libreconnect.simulator.dmp.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.libreconnect.simulator.dmp.store.DmpSeed.CodeSeed;
import org.libreconnect.simulator.dmp.store.DmpSeed.DocumentSeed;
import org.libreconnect.simulator.dmp.store.DmpSeed.PatientSeed;

/**
 * Validates a {@link DmpSeed} and turns it into store contents; every error names the element and
 * the rule, such as {@code patients[2].ins: not an INS (15 digits)}.
 */
final class SeedLoader {
  private static final Pattern DATE = Pattern.compile("[0-9]{8}");
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{14}");
  private static final String REPOSITORY_TIME = "20240101000000";

  private SeedLoader() {}

  static StoreContents load(DmpSeed seed) {
    StoreContents contents = new StoreContents();
    for (int i = 0; i < seed.structures().size(); i++) {
      var s = seed.structures().get(i);
      String at = "structures[" + i + "]";
      contents.structures.put(required(s.id(), at + ".id"), new Structure(s.id(),
          required(s.name(), at + ".name"), required(s.sector(), at + ".sector"),
          s.active() == null || s.active(),
          s.members() == null ? java.util.Set.of() : java.util.Set.copyOf(s.members())));
    }
    for (int i = 0; i < seed.professionals().size(); i++) {
      var p = seed.professionals().get(i);
      String at = "professionals[" + i + "]";
      contents.professionals.put(required(p.psIdNat(), at + ".psIdNat"), new Professional(
          p.psIdNat(), required(p.lastName(), at + ".lastName"),
          required(p.firstName(), at + ".firstName"), required(p.profession(), at + ".profession"),
          required(p.professionLabel(), at + ".professionLabel"), p.specialty(),
          p.specialtyLabel()));
    }
    for (int i = 0; i < seed.patients().size(); i++) {
      Patient patient = patient(seed.patients().get(i), "patients[" + i + "]");
      contents.patients.put(patient.ins().value(), patient);
    }
    for (int i = 0; i < seed.authorizations().size(); i++) {
      var a = seed.authorizations().get(i);
      String at = "authorizations[" + i + "]";
      AuthorizationState state = enumValue(AuthorizationState.class, a.state(), at + ".state");
      if (state == AuthorizationState.NON_EXISTE) {
        throw new IllegalArgumentException(at + ".state: NON_EXISTE is written by leaving it out");
      }
      String ins = required(a.ins(), at + ".ins");
      if (!contents.patients.containsKey(ins)) {
        throw new IllegalArgumentException(at + ".ins: no such patient");
      }
      String since = a.since() == null ? REPOSITORY_TIME : matching(a.since(), TIMESTAMP,
          at + ".since", "yyyyMMddHHmmss");
      contents.authorizations.put(
          StoreContents.key(required(a.psIdNat(), at + ".psIdNat"), ins),
          new Authorization(a.psIdNat(), ins, state, Boolean.TRUE.equals(a.treatingPhysician()),
              since, since));
    }
    for (int i = 0; i < seed.documents().size(); i++) {
      StoredDocument document = document(seed.documents().get(i), "documents[" + i + "]",
          contents);
      if (contents.documents.containsKey(document.entryUuid())) {
        throw new IllegalArgumentException("documents[" + i + "].entryUuid: used twice");
      }
      contents.documents.put(document.entryUuid(), document);
    }
    return contents;
  }

  private static Patient patient(PatientSeed p, String at) {
    Ins ins;
    try {
      ins = new Ins(required(p.ins(), at + ".ins"),
          p.insOid() == null ? Ins.TEST_NIR_OID : p.insOid());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ".ins: " + e.getMessage(), e);
    }
    String gender = p.gender() == null ? "U" : p.gender();
    if (!List.of("M", "F", "U").contains(gender)) {
      throw new IllegalArgumentException(at + ".gender: must be M, F or U");
    }
    return new Patient(ins, p.insC(), required(p.lastName(), at + ".lastName"),
        required(p.firstName(), at + ".firstName"), gender,
        matching(required(p.birthDate(), at + ".birthDate"), DATE, at + ".birthDate", "yyyyMMdd"),
        enumValue(DmpState.class, p.dmp(), at + ".dmp"),
        Boolean.TRUE.equals(p.webAccountOpen()), Boolean.TRUE.equals(p.ensAttached()),
        Boolean.TRUE.equals(p.oppositionBrisDeGlace()),
        Boolean.TRUE.equals(p.oppositionCentre15()), p.email(), p.mobile(), p.postalCode(), p.city());
  }

  private static StoredDocument document(DocumentSeed d, String at, StoreContents contents) {
    Patient patient = contents.patients.get(required(d.ins(), at + ".ins"));
    if (patient == null) {
      throw new IllegalArgumentException(at + ".ins: no such patient");
    }
    Professional author = contents.professionals.get(required(d.authorPsIdNat(),
        at + ".authorPsIdNat"));
    if (author == null) {
      throw new IllegalArgumentException(at + ".authorPsIdNat: no such professional");
    }
    Structure structure = d.authorStructureId() == null ? null
        : contents.structures.get(d.authorStructureId());
    if (d.authorStructureId() != null && structure == null) {
      throw new IllegalArgumentException(at + ".authorStructureId: no such structure");
    }
    byte[] content;
    if (d.contentBase64() != null) {
      try {
        content = Base64.getMimeDecoder().decode(d.contentBase64());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ".contentBase64: not base64", e);
      }
    } else {
      content = required(d.content(), at + ".content").getBytes(StandardCharsets.UTF_8);
    }
    String creation = matching(required(d.creationTime(), at + ".creationTime"), TIMESTAMP,
        at + ".creationTime", "yyyyMMddHHmmss");
    List<Code> confidentiality = (d.confidentiality() == null ? List.of("N") : d.confidentiality())
        .stream().map(Confidentiality::of).toList();
    DocumentMetadata metadata = new DocumentMetadata(
        required(d.uniqueId(), at + ".uniqueId"), patient.ins(), required(d.title(), at + ".title"),
        d.description(), d.mimeType() == null ? "text/xml" : d.mimeType(), "fr-FR", creation,
        creation, creation,
        code(d.classCode(), "1.2.250.1.213.1.1.4.1", at + ".classCode"),
        code(d.typeCode(), "2.16.840.1.113883.6.1", at + ".typeCode"),
        code(d.formatCode(), "1.3.6.1.4.1.19376.1.2.3", at + ".formatCode"),
        code(d.practiceSetting(), "1.2.250.1.213.1.1.4.9", at + ".practiceSetting"),
        code(d.facilityType(), "1.2.250.1.71.4.2.4", at + ".facilityType"),
        confidentiality, List.of(), Author.of(author, structure), Author.of(author, null).person(),
        null, List.of(
            "PID-5|" + patient.family() + "^" + patient.given() + "^^^^^L",
            "PID-7|" + patient.birthDate(), "PID-8|" + patient.gender()),
        List.of());
    String entryUuid = required(d.entryUuid(), at + ".entryUuid");
    if (!entryUuid.startsWith("urn:uuid:")) {
      throw new IllegalArgumentException(at + ".entryUuid: must start with urn:uuid:");
    }
    return new StoredDocument(entryUuid, metadata,
        d.status() == null ? DocumentStatus.APPROVED
            : enumValue(DocumentStatus.class, d.status(), at + ".status"),
        1, d.submissionTime() == null ? creation : d.submissionTime(), content);
  }

  private static Code code(CodeSeed seed, String defaultScheme, String at) {
    if (seed == null || seed.code() == null) {
      throw new IllegalArgumentException(at + ".code: required");
    }
    return new Code(seed.code(), seed.scheme() == null ? defaultScheme : seed.scheme(),
        seed.label());
  }

  private static String required(String value, String at) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(at + ": required");
    }
    return value;
  }

  private static String matching(String value, Pattern pattern, String at, String format) {
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(at + ": must be " + format);
    }
    return value;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String at) {
    try {
      return Enum.valueOf(type, required(value, at).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().endsWith(": required")) {
        throw e;
      }
      throw new IllegalArgumentException(at + ": must be one of "
          + java.util.Arrays.toString(type.getEnumConstants()), e);
    }
  }
}
