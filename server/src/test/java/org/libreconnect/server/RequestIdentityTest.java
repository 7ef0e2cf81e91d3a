package org.libreconnect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.error.ConnectorException;

class RequestIdentityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode body() throws Exception {
    return (ObjectNode) JSON.readTree(CurlExample.getDmpStatusBody("279035121518989"));
  }

  @Test
  void theIssueExampleGivesTheVihfIdentityWithTheCertificateStructure() throws Exception {
    RequestIdentity identity = RequestIdentity.of(body(), "499900063480002");
    assertThat(identity.holder().psIdNat()).isEqualTo("Agent007");
    assertThat(identity.holder().professionCode()).isEqualTo("10");
    assertThat(identity.holder().specialtyCode()).isEqualTo("SM04");
    assertThat(identity.holder().practiceLocations().get(0).structureId()).isEqualTo("499900063480002");
    assertThat(identity.holder().practiceLocations().get(0).activitySector()).isEqualTo("SA43");
    assertThat(identity.subjectId()).isEqualTo("MED-CS RPPS0020810 ANNE, Service de cardiologie");
    assertThat(identity.authnContextClassRef()).endsWith(":MobileTwoFactorUnregistered");
    assertThat(identity.practiceSetting()).isEqualTo("AMBULATOIRE");
  }

  @Test
  void alternativeOuterKeysAndTheTopLevelAreAccepted() throws Exception {
    for (String key : RequestIdentity.ALTERNATIVE_KEYS) {
      ObjectNode body = body();
      body.set(key, body.remove(RequestIdentity.KEY));
      assertThat(RequestIdentity.of(body, "1").holder().psIdNat()).as(key).isEqualTo("Agent007");
    }
    ObjectNode flat = body();
    flat.setAll((ObjectNode) flat.remove(RequestIdentity.KEY));
    assertThat(RequestIdentity.of(flat, "1").holder().name()).isEqualTo("MED-CS RPPS0020810");
  }

  @Test
  void aStructureInTheRequestIsIgnoredAndBadValuesAreRefusedWithoutEcho() throws Exception {
    ObjectNode body = body();
    ((ObjectNode) body.at("/UserIdentity/PracticeLocation")).put("s_structureId", "999999999");
    assertThat(RequestIdentity.of(body, "499900063480002").holder().practiceLocations().get(0).structureId())
        .isEqualTo("499900063480002");
    ObjectNode badSector = body();
    ((ObjectNode) badSector.at("/UserIdentity/PracticeLocation")).put("s_activitySector", "SECRET42");
    assertThatThrownBy(() -> RequestIdentity.of(badSector, "1")).isInstanceOf(ConnectorException.class)
        .hasMessageNotContaining("SECRET42");
    ObjectNode noId = body();
    ((ObjectNode) noId.at("/UserIdentity/HP")).remove("s_internalId");
    assertThatThrownBy(() -> RequestIdentity.of(noId, "1")).hasMessageContaining("HP.s_internalId");
    ObjectNode badMode = body();
    ((ObjectNode) badMode.at("/UserIdentity/HP")).put("i_authenticationMode", 99);
    assertThatThrownBy(() -> RequestIdentity.of(badMode, "1")).hasMessageContaining("i_authenticationMode");
  }
}
