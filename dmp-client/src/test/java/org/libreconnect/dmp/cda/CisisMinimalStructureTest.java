package org.libreconnect.dmp.cda;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.schematron.sch.SchematronResourceSCH;
import com.helger.schematron.svrl.SVRLFailedAssert;
import com.helger.schematron.svrl.SVRLHelper;
import com.helger.schematron.svrl.jaxb.SchematronOutputType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.DmpPracticeLocation;

/**
 * The real ANS CI-SIS "structuration minimale" schematron over the CDA the connector wraps a file
 * in: it fails none of its error assertions except those the official CDA template of the DMP's
 * LPS package fails too.
 */
class CisisMinimalStructureTest {
  private static final Path CISIS = Path.of("src/test/resources/cisis");
  private static SchematronResourceSCH schematron;

  @BeforeAll
  static void compile() {
    Path folder = CISIS.resolve("structurationMinimale").toAbsolutePath();
    schematron = SchematronResourceSCH.fromFile(folder.resolve("ASIP-STRUCT-MIN-StrucMin.sch").toFile());
    // The generated XSLT has no base URI: its doc('include/voc-….xml') look-ups are resolved
    // against the schematron's own folder.
    schematron.setURIResolver((href, base) -> href.startsWith("include/")
        ? new StreamSource(folder.resolve(href).toFile()) : null);
    assertThat(schematron.isValidSchematron()).isTrue();
  }

  /** The failed assertions of role error (or without a role), as "[id] text", sorted. */
  private static TreeSet<String> failedErrors(byte[] cda) throws Exception {
    SchematronOutputType svrl = schematron.applySchematronValidationToSVRL(
        new StreamSource(new ByteArrayInputStream(cda), CISIS.toAbsolutePath().toUri().toString()));
    assertThat(svrl).as("the schematron ran").isNotNull();
    TreeSet<String> failed = new TreeSet<>();
    for (SVRLFailedAssert failure : SVRLHelper.getAllFailedAssertions(svrl)) {
      String role = failure.getRole() == null ? "" : failure.getRole();
      if (role.isEmpty() || role.equalsIgnoreCase("error") || role.equalsIgnoreCase("fatal")) {
        failed.add(failure.getText().replaceAll("\\s+", " ").strip());
      }
    }
    return failed;
  }

  private static byte[] connectorCda() {
    DmpHolder holder = new DmpHolder("899900063480", "LIBRE", "MAX", "10", "1.2.250.1.71.1.2.7", "Médecin", "SM26",
        "Qualifié en médecine générale (SM)", List.of());
    DmpHolder nurse = new DmpHolder("899900063481", "AUTRE", "ANNE", "60", "1.2.250.1.71.1.2.7", "Infirmier", "",
        "", List.of());
    DmpHolder physician = new DmpHolder("810100000001", "TRAITANT", "ANNE", "10", "1.2.250.1.71.1.2.7", "Médecin",
        "SM54", "Médecine générale (SM)", List.of());
    DmpPracticeLocation location = new DmpPracticeLocation("CABINET DU DR MAX LIBRE", "499900063480001", "SA07");
    CdaWrapper.Informant trusted = new CdaWrapper.Informant("NOK", "MARTIN", "JEAN",
        List.of(new CdaWrapper.Address("", "", "", "", "75012", "PARIS", "", "")), List.of("tel:0102030405"));
    return new CdaWrapper().wrap(new CdaWrapper.Header("2.25.1234567890", "CR de consultation", "11488-4",
        "2.16.840.1.113883.6.1", "CR ou fiche de consultation ou de visite", "", "279035121518989",
        "1.2.250.1.213.1.4.10", holder, location, "AMBULATOIRE", "SA07", Instant.parse("2025-06-02T08:30:00Z"),
        new CdaWrapper.Patient("MARTIN-ESSAI", "ALICE", "F", "19790315"), List.of(nurse), List.of(trusted), physician),
        "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII), "application/pdf");
  }

  @Test
  void theConnectorsCdaFailsNoErrorAssertionTheOfficialTemplatePasses() throws Exception {
    TreeSet<String> official = failedErrors(Files.readAllBytes(CISIS.resolve("TD2.1-DocumentME2.xml")));
    TreeSet<String> ours = failedErrors(connectorCda());

    TreeSet<String> ownFailures = new TreeSet<>(ours);
    ownFailures.removeAll(official);
    assertThat(ownFailures).as("failed assertions of the connector's CDA that the official template passes")
        .isEmpty();
    System.out.println("structuration minimale: the official template fails " + official.size()
        + " error assertions, the connector's CDA " + ours.size() + " (all shared):");
    ours.forEach(text -> System.out.println("  " + text));
  }

  @Test
  void theSchematronCatchesADefect() throws Exception {
    String broken = new String(connectorCda(), StandardCharsets.UTF_8)
        .replaceFirst("<recordTarget>.*</recordTarget>", "");

    TreeSet<String> failures = failedErrors(broken.getBytes(StandardCharsets.UTF_8));
    TreeSet<String> official = failedErrors(Files.readAllBytes(CISIS.resolve("TD2.1-DocumentME2.xml")));
    failures.removeAll(official);
    assertThat(failures).isNotEmpty().anyMatch(text -> text.contains("recordTarget"));
  }
}
