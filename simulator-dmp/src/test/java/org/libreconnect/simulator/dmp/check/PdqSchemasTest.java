package org.libreconnect.simulator.dmp.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The TD0.5 (PDQ) schemas: the NE2009 query and answer messages, completed with the NE2008
 * models the NE2009 set lacks, accept the official example request and answer and refuse what
 * the messages' models forbid.
 */
class PdqSchemasTest {
  private static Element body(String file) {
    try (InputStream in = PdqSchemasTest.class.getResourceAsStream("/dmp/official/" + file)) {
      Document envelope = Xml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Element body = Xml.descendant(envelope.getDocumentElement(), Namespaces.SOAP12, "Body").orElseThrow();
      return Xml.children(body).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theOfficialQueryAndAnswerAreValid() {
    Element query = body("TD0.5-request.xml");
    assertThat(query.getLocalName()).isEqualTo("PRPA_IN201305UV02");
    assertThat(OfficialSchemas.errors(OfficialSchemas.HL7_PATIENT_FIND, StandaloneBody.of(query))).isEmpty();
  }

  /**
   * The official answer is a hand-written example: besides what the schema accepts, it carries
   * four departures from the NE2009 model (an acknowledgement {@code typeCode} written as an
   * element, a {@code codeSystem} on the control act's {@code code}, and a {@code subjectOf2} and
   * its {@code administrativeObservation} without their structural attributes). Those, and only
   * those, are reported: the schema reads the rest of the answer, patient included.
   */
  @Test
  void theOfficialAnswerDepartsFromTheModelOnlyWhereKnown() {
    Element answer = body("TD0.5-response.xml");
    assertThat(answer.getLocalName()).isEqualTo("PRPA_IN201306UV02");
    assertThat(OfficialSchemas.errors(OfficialSchemas.HL7_PATIENT_FOUND, StandaloneBody.of(answer)))
        .hasSize(5)
        .allSatisfy(error -> assertThat(error).containsAnyOf("'acknowledgement'", "typeCode}",
            "in element 'code'", "'subjectOf2'", "'administrativeObservation'"));
    Document fixed = StandaloneBody.of(answer);
    Element root = fixed.getDocumentElement();
    Element ack = Xml.child(root, Namespaces.HL7, "acknowledgement").orElseThrow();
    Element typeCode = Xml.child(ack, Namespaces.HL7, "typeCode").orElseThrow();
    ack.setAttribute("typeCode", typeCode.getAttribute("code"));
    ack.removeChild(typeCode);
    Xml.descendant(root, Namespaces.HL7, "controlActProcess")
        .flatMap(act -> Xml.child(act, Namespaces.HL7, "code")).orElseThrow().removeAttribute("codeSystem");
    Xml.descendant(root, Namespaces.HL7, "subjectOf2").orElseThrow().setAttribute("typeCode", "SBJ");
    Xml.descendant(root, Namespaces.HL7, "administrativeObservation").orElseThrow().setAttribute("classCode", "VERIF");
    assertThat(OfficialSchemas.errors(OfficialSchemas.HL7_PATIENT_FOUND, fixed)).isEmpty();
  }

  @Test
  void aQueryWhoseParameterListBreaksTheModelIsRefused() {
    Document query = StandaloneBody.of(body("TD0.5-request.xml"));
    Element name = Xml.descendant(query.getDocumentElement(), Namespaces.HL7, "livingSubjectName").orElseThrow();
    // semanticsText is required by PRPA_MT201306UV02.LivingSubjectName
    name.removeChild(Xml.child(name, Namespaces.HL7, "semanticsText").orElseThrow());
    assertThat(OfficialSchemas.errors(OfficialSchemas.HL7_PATIENT_FIND, query))
        .anySatisfy(error -> assertThat(error).contains("semanticsText"));
  }
}
