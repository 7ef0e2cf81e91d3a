package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libreconnect.dmp.vihf.AccessMode;
import org.libreconnect.dmp.vihf.LpsIdentity;
import org.libreconnect.dmp.vihf.VihfBuilder;
import org.libreconnect.dmp.vihf.VihfContext;
import org.libreconnect.dmp.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class VihfBuilderTest {
  static final DmpHolder DOCTOR = new DmpHolder("899900063480", "LIBRE", "MAX", "10", "1.2.250.1.71.1.2.7",
      "Médecin", "SM26", "Qualifié en médecine générale (SM)",
      List.of(new DmpPracticeLocation("CABINET", "499900063480001", "SA07")));

  static String build(DmpHolder holder, AccessMode mode, boolean secret) {
    Document document = Xml.newDocument();
    VihfContext context = new VihfContext(holder, "CN=899900063480+SN=LIBRE+GN=MAX,C=FR", holder.practiceLocations().get(0),
        "279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH", mode, secret, new LpsIdentity("LibreConnect", "1.0", "H", "2.25.7"),
        Instant.parse("2026-03-15T10:00:00.123Z"));
    Element assertion = new VihfBuilder().build(document, context);
    document.appendChild(assertion);
    return new String(Xml.toBytes(document), StandardCharsets.UTF_8);
  }

  @Test
  void directModeAssertionHasTheDocumentedAttributesAndNoSignature() {
    String xml = build(DOCTOR, AccessMode.NORMAL, false);
    assertThat(xml).contains("IssueInstant=\"2026-03-15T10:00:00.123Z\"").contains("Version=\"2.0\"")
        .contains("X509SubjectName").contains("<saml2:NameID>899900063480</saml2:NameID>")
        .contains("SmartcardPKI").contains(">3.0<").contains(">DIRECTE<").contains(">499900063480001<")
        .contains(">SA07^1.2.250.1.71.4.2.4<").contains("code=\"10\"").contains("code=\"SM26\"")
        .contains("279035121518989^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH").contains(">urn:dmp<")
        .contains("code=\"normal\"").contains("1.2.250.1.213.1.1.4.248").contains("LPS_ID_HOMOLOGATION_DMP")
        .doesNotContain("Signature").doesNotContain("confidentiality-code");
  }

  @Test
  void accessModeSecretConnectionAndMissingSpecialty() {
    DmpHolder noSpecialty = new DmpHolder("899900063480", "LIBRE", "MAX", "10", "1.2.250.1.71.1.2.7", "Médecin", "",
        "", DOCTOR.practiceLocations());
    String xml = build(noSpecialty, AccessMode.BRIS_DE_GLACE, true);
    assertThat(xml).contains("code=\"bris_de_glace\"").contains("confidentiality-code")
        .doesNotContain("1.2.250.1.71.4.2.5");
  }
}
