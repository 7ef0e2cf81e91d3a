package org.libreconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operation table: the DMP transactions of the JS2 surface that need no session state, each
 * under the JS2 command's name without {@code hl_}, and each described in the OpenAPI document
 * with its input's keys and its answer's keys.
 */
class OperationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theTableHoldsTheStatelessDmpCommands() {
    List<String> commands = new ArrayList<>();
    Operations.all().forEach(operation -> {
      commands.add(operation.js2Command());
      if (!operation.name().equals("getDmpStatus")) {
        assertThat(operation.js2Command()).isEqualTo("hl_" + operation.name());
      }
    });
    assertThat(commands).doesNotHaveDuplicates().contains(
        "hl_getDirectAuthenticationDMPStatus", "hl_getDmpAdministrativeData", "hl_updateUserDmpAccessAuthorization",
        "hl_getDmpAuthorizationsList", "hl_getAccessibleDMPList", "hl_findPatients", "hl_createDmp",
        "hl_reactivateDmp", "hl_updateDmpAdministrativeData", "hl_closeDmp", "hl_getOtpChannelValue",
        "hl_getMajorityAge", "hl_sendDocument", "hl_sendDocuments", "hl_findDocuments",
        "hl_getDocumentContentByUniqueId", "hl_updateDocumentVisibilityByUniqueId",
        "hl_updateDocumentStatusByUniqueId", "hl_deleteDocument", "hl_getInsFromIdentityInformation",
        "hl_checkInsIdentity");
    // Commands on the session's state (document handles, connector settings) are not operations.
    // hl_getInsFromVitaleCard needs the session's Vitale read.
    assertThat(commands).doesNotContain("hl_getInsFromVitaleCard", "hl_getDocumentContent", "hl_updateDocumentVisibility",
        "hl_updateDocumentStatus", "hl_setWebPsRootUrl", "hl_getDmpParameters");
  }

  @Test
  void theOpenApiDocumentDescribesEveryOperationWithItsKeys() throws Exception {
    JsonNode paths = JSON.readTree(OpenApi.document(JSON)).path("paths");
    for (Operations.Operation<?> operation : Operations.all()) {
      JsonNode post = paths.path("/" + operation.name()).path("post");
      assertThat(post.path("operationId").asText()).as(operation.name()).isEqualTo(operation.name());
      assertThat(post.path("description").asText()).contains(operation.js2Command());
      JsonNode request = post.at("/requestBody/content/application~1json/schema/properties");
      assertThat(request.has(RequestIdentity.KEY)).isTrue();
      assertThat(request.has(operation.reachesInsi() ? "s_insiUrl" : "s_dmpUrl")).as(operation.name()).isTrue();
    }
    JsonNode documents = paths.at("/~1sendDocuments/post/requestBody/content/application~1json/schema/properties/Documents");
    assertThat(documents.path("type").asText()).isEqualTo("array");
    assertThat(documents.at("/items/properties").has("s_contentInBase64")).isTrue();
    assertThat(paths.at("/~1sendDocuments/post/responses/200/content/application~1json/schema/properties").has("UniqueIds"))
        .isTrue();
    assertThat(paths.at("/~1findPatients/post/requestBody/content/application~1json/schema/properties").has("s_name"))
        .isTrue();
    assertThat(paths.at("/~1findPatients/post/responses/200/content/application~1json/schema/properties").has("Patients"))
        .isTrue();
    assertThat(paths.at("/~1closeDmp/post/requestBody/content/application~1json/schema/properties").has("s_reason"))
        .isTrue();
    assertThat(paths.at("/~1getMajorityAge/post/responses/200/content/application~1json/schema/properties")
        .has("i_majorityAge")).isTrue();
  }
}
