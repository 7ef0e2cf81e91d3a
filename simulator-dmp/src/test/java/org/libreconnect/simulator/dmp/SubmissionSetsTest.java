package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.DmpResponse;
import org.libreconnect.simulator.dmp.soap.DmpService;
import org.libreconnect.simulator.dmp.soap.Namespaces;
import org.libreconnect.simulator.dmp.soap.Xml;
import org.w3c.dom.Element;

/** GetSubmissionSets: where a client finds when a document was submitted. */
class SubmissionSetsTest {
  private static final String GET_SUBMISSION_SETS = "urn:uuid:51224314-5390-4169-9b91-b1980040715a";

  private final DmpFixture dmp = new DmpFixture();

  @Test
  void eachDocumentComesWithItsSubmissionSetTimeAndMembership() {
    DmpResponse response = dmp.send(DmpService.REGISTRY, Bodies.TD31_ACTION, dmp.vihf(DmpFixture.VALID),
        Bodies.adhocQuery(GET_SUBMISSION_SETS, "LeafClass", "<Slot name=\"$uuid\"><ValueList><Value>('"
            + DmpFixture.SEEN_ENTRY + "')</Value></ValueList></Slot>"));

    assertThat(response.fault()).isFalse();
    Element set = Xml.descendant(response.body(), Namespaces.RIM, "RegistryPackage").orElseThrow();
    assertThat(Xml.descendant(set, Namespaces.RIM, "Value").map(Xml::text)).contains("20250110101500");
    Element member = Xml.descendant(response.body(), Namespaces.RIM, "Association").orElseThrow();
    assertThat(member.getAttribute("sourceObject")).isEqualTo(set.getAttribute("id"));
    assertThat(member.getAttribute("targetObject")).isEqualTo(DmpFixture.SEEN_ENTRY);
  }

  @Test
  void theEntryUuidsAreRequired() {
    DmpResponse response = dmp.send(DmpService.REGISTRY, Bodies.TD31_ACTION, dmp.vihf(DmpFixture.VALID),
        Bodies.adhocQuery(GET_SUBMISSION_SETS, "LeafClass", ""));

    assertThat(Xml.descendant(response.body(), Namespaces.RS, "RegistryError").orElseThrow()
        .getAttribute("errorCode")).isEqualTo("XDSStoredQueryParamNumber");
  }
}
