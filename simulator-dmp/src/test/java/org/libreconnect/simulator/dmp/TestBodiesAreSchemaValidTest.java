package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.check.RequestRules;
import org.libreconnect.simulator.dmp.soap.Transaction;
import org.libreconnect.simulator.dmp.soap.Xml;

/** The bodies the simulator's tests send are valid against the official schemas themselves. */
class TestBodiesAreSchemaValidTest {
  @Test
  void everyTestBodyIsValid() {
    Map<String, Transaction> bodies = Map.ofEntries(
        Map.entry(Bodies.patientQuery(DmpFixture.VALID, "TEST_EXST"), Transaction.TD0_2),
        Map.entry(Bodies.patientQuery(DmpFixture.VALID, "CNSLT_DATA"), Transaction.TD1_3A),
        Map.entry(Bodies.setAuthorization("AJOUT", null), Transaction.TD0_3),
        Map.entry(Bodies.patientList("20240101", "LASTAUTORIZATION"), Transaction.TD0_4),
        Map.entry(Bodies.listAuthorizations("TOUTE"), Transaction.TD1_6),
        Map.entry(Bodies.findDocuments(DmpFixture.VALID, "LeafClass",
            "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved"), Transaction.TD3_1),
        Map.entry(Bodies.getDocuments(DmpFixture.SEEN_DOCUMENT), Transaction.TD3_1),
        Map.entry(Bodies.retrieve("1.2.250.1.213.4.1.1.1.2", DmpFixture.SEEN_DOCUMENT),
            Transaction.TD3_2),
        Map.entry(Bodies.provideAndRegister(DmpFixture.VALID, "2.25.1", "doc1", ""),
            Transaction.TD2_1),
        Map.entry(Bodies.updateStatus(DmpFixture.VALID, DmpFixture.SEEN_ENTRY,
            "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved",
            "urn:asip:ci-sis:2010:StatusType:Archived"), Transaction.TD3_3));
    bodies.forEach((body, transaction) -> assertThat(
        RequestRules.schemaErrors(transaction, Xml.parse(body).getDocumentElement()))
        .as(transaction.label()).isEmpty());
  }
}
