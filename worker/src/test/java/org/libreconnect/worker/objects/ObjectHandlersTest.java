package org.libreconnect.worker.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.objects.HandleType;
import org.libreconnect.protocol.objects.ObjectParameter;
import org.libreconnect.worker.WorkerHarness;
import org.libreconnect.worker.handlers.DebugActions;
import org.libreconnect.worker.handlers.HousekeepingHandlers;

/** The object API through the worker's dispatcher, over the session's own objects and a test source. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ObjectHandlersTest {
  static final int DOCUMENT = 20_000;
  static final int AUTHORS = DOCUMENT * 100;

  /** A document with a list of two authors, as a source of the worker would hold it. */
  static final ObjectSource DOCUMENTS = (session, handle) -> switch (handle) {
    case DOCUMENT -> Optional.of(SessionObject.of(DOCUMENT, HandleType.DOCUMENT, Map.of(
        ObjectParameter.DOCUMENT_TITLE, "Compte rendu é", ObjectParameter.DOCUMENT_FORMAT, 5,
        ObjectParameter.DOCUMENT_AUTHORS, AUTHORS)));
    case AUTHORS -> Optional.of(SessionObject.list(AUTHORS, List.of(AUTHORS + 1, AUTHORS + 2)));
    case AUTHORS + 1, AUTHORS + 2 -> Optional.of(SessionObject.of(handle, HandleType.HP,
        Map.of(ObjectParameter.HP_NAME, "AUTEUR-" + (handle - AUTHORS))));
    default -> Optional.empty();
  };

  @TempDir Path dir;
  private WorkerHarness worker;

  @BeforeEach
  void start() throws Exception {
    DebugActions none = new DebugActions() {
      @Override
      public void crash() {}

      @Override
      public void freeze() {}
    };
    worker = new WorkerHarness(dir, table -> {
      new HousekeepingHandlers(none).register(table);
      new ObjectHandlers(List.of(DOCUMENTS)).register(table);
    }, Duration.ofMillis(50), CommandCatalogue.standard());
    worker.openSession("s1", "app");
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  private ObjectNode call(String json) throws InterruptedException {
    return worker.call("s1", json.replace('\'', '"'));
  }

  private static void assertInvalid(ObjectNode answer, String key) {
    assertThat(answer.path("s_status").asText()).as(answer.toString()).isEqualTo("ERROR");
    assertThat(answer.path("i_apiErrorType").asInt()).isEqualTo(6000);
    assertThat(answer.path("i_apiErrorCode").asInt()).isEqualTo(2);
    assertThat(answer.path("s_apiErrorDescription").asText()).startsWith("Invalid parameter " + key);
  }

  @Test
  void theErrorObjectHoldsTheLastFailureUntilReleased() throws Exception {
    assertThat(call("{'s_commandName':'hl_getSessionState'}").path("i_error").asInt()).isZero();
    assertThat(call("{'s_commandName':'handleExists','i_handle':1000}").path("i_returnValue").asInt()).isEqualTo(1);
    ObjectNode empty = call("{'s_commandName':'hl_getObjectParameters','i_objectHandle':1000}");
    assertThat(empty.path("64").asInt()).isZero();
    assertThat(empty.path("type").asInt()).isEqualTo(3);

    assertInvalid(call("{'s_commandName':'getHandleType','i_handle':424242}"), "i_handle");
    assertThat(call("{'s_commandName':'hl_getSessionState'}").path("i_error").asInt()).isEqualTo(Handles.ERROR);
    ObjectNode error = call("{'s_commandName':'hl_getObjectParameters','i_objectHandle':1000}");
    assertThat(error.path("1").asText()).startsWith("Invalid parameter i_handle");
    assertThat(error.path("1").asText()).doesNotContain("424242");
    assertThat(error.path("64").asInt()).isEqualTo(2);
    assertThat(error.path("65").asInt()).isEqualTo(6000);
    assertThat(call("{'s_commandName':'getObjectParameterInt','i_object':1000,'i_parameter':64}")
        .path("i_returnValue").asInt()).isEqualTo(2);

    assertThat(call("{'s_commandName':'releaseErrorObject'}").path("s_status").asText()).isEqualTo("OK");
    assertThat(call("{'s_commandName':'hl_getSessionState'}").path("i_error").asInt()).isZero();
    assertThat(call("{'s_commandName':'getObjectParameterString','i_object':1000,'i_parameter':1}")
        .path("s_utf8String").asText()).isEmpty();
  }

  @Test
  void aConnectionIsInspectableAndItsProxyPasswordIsNotThere() throws Exception {
    ObjectNode made = call("{'s_commandName':'hl_createConnection','s_server':'https://server.example.test/x',"
        + "'i_requestTimeout':20,'s_proxyIpOrUrl':'proxy.local','i_proxyPort':3128,'s_proxyPassword':'hunter2'}");
    int handle = made.path("i_connectionHandle").asInt();
    assertThat(call("{'s_commandName':'getHandleType','i_handle':" + handle + "}").path("i_returnValue").asInt())
        .isEqualTo(HandleType.CONNECTION.id());
    ObjectNode dump = call("{'s_commandName':'hl_getObjectParameters','i_objectHandle':" + handle + "}");
    assertThat(dump.path("5").asText()).isEqualTo("https://server.example.test/x");
    assertThat(dump.path("67").asInt()).isEqualTo(20);
    assertThat(dump.path("6").asText()).isEqualTo("proxy.local");
    assertThat(dump.path("68").asInt()).isEqualTo(3128);
    assertThat(dump.path("handleId").asInt()).isEqualTo(handle);
    assertThat(dump.toString()).doesNotContain("hunter2");
    assertInvalid(call("{'s_commandName':'getObjectParameterString','i_object':" + handle + ",'i_parameter':8}"),
        "i_parameter");
    assertInvalid(call("{'s_commandName':'releaseObject','i_handle':" + handle + "}"), "i_handle");
  }

  @Test
  void stringsComeWithTheirUtf8SizeAndInBase64OnRequest() throws Exception {
    ObjectNode title = call("{'s_commandName':'getObjectParameterString','i_object':20000,'i_parameter':51}");
    assertThat(title.path("s_utf8String").asText()).isEqualTo("Compte rendu é");
    assertThat(title.path("s_utf8StringSize").asText()).isEqualTo("15");
    ObjectNode base64 = call("{'s_commandName':'getObjectParameterString','i_object':20000,'i_parameter':51,"
        + "'i_resultInBase64':1}");
    assertThat(new String(Base64.getDecoder().decode(base64.path("s_utf8String").asText()), StandardCharsets.UTF_8))
        .isEqualTo("Compte rendu é");
    // the size key of the JS2 documentation for getObjectParameterStringSize
    assertThat(call("{'s_commandName':'getObjectParameterStringSize','i_object':20000,'i_globalParameter':51}")
        .path("i_returnValue").asInt()).isEqualTo(15);
    assertThat(call("{'s_commandName':'getObjectParameterInt','i_object':20000,'i_parameter':92}")
        .path("i_returnValue").asInt()).isEqualTo(5);

    assertInvalid(call("{'s_commandName':'getObjectParameterInt','i_object':20000,'i_parameter':51}"), "i_parameter");
    assertInvalid(call("{'s_commandName':'getObjectParameterString','i_object':20000,'i_parameter':9999}"),
        "i_parameter");
    assertInvalid(call("{'s_commandName':'getObjectParameterFloat','i_object':20000,'i_parameter':74}"),
        "i_parameter");
    assertInvalid(call("{'s_commandName':'getObjectParameterString','i_object':77,'i_parameter':51}"), "i_object");
    ObjectNode missing = call("{'s_commandName':'getObjectParameterString','i_object':20000}");
    assertThat(missing.path("s_apiErrorDescription").asText()).isEqualTo("Missing parameter: i_parameter");
  }

  @Test
  void aWholeDumpShowsListsAndAChosenDumpOnlyTheIdsAsked() throws Exception {
    ObjectNode whole = call("{'s_commandName':'hl_getObjectParameters','i_objectHandle':20000}");
    assertThat(whole.path("type").asInt()).isEqualTo(11);
    assertThat(whole.path("81").path("type").asInt()).isEqualTo(2);
    assertThat(whole.path("81").path("handleId").asInt()).isEqualTo(AUTHORS);
    assertThat(whole.path("81").path("list").get(1).path("9").asText()).isEqualTo("AUTEUR-2");

    ObjectNode chosen = call("{'s_commandName':'hl_getObjectParameters','i_objectHandle':20000,"
        + "'stringIds':{'Id0':51},'stringBase64Ids':{'Id0':51},'integerIds':{'Id0':92,'Id1':81}}");
    assertThat(chosen.path("92").asInt()).isEqualTo(5);
    assertThat(chosen.path("81").asInt()).isEqualTo(AUTHORS);
    assertThat(chosen.has("52")).isFalse();
    assertThat(chosen.path("handleId").asInt()).isEqualTo(DOCUMENT);
    // the base64 map was read last: the same id answers in base64
    assertThat(new String(Base64.getDecoder().decode(chosen.path("51").asText()), StandardCharsets.UTF_8))
        .isEqualTo("Compte rendu é");
    assertInvalid(call("{'s_commandName':'hl_getObjectParameters','i_objectHandle':20000,'floatIds':{'Id0':51}}"),
        "floatIds");
    assertInvalid(call("{'s_commandName':'hl_getObjectParameters','i_objectHandle':5}"), "i_objectHandle");
  }

  @Test
  void listsCopiesMadeObjectsAndReleases() throws Exception {
    assertThat(call("{'s_commandName':'getListSize','i_list':" + AUTHORS + "}").path("i_returnValue").asInt())
        .isEqualTo(2);
    int second = call("{'s_commandName':'getObjectFromList','i_list':" + AUTHORS + ",'i_position':1}")
        .path("i_returnValue").asInt();
    assertThat(second).isEqualTo(AUTHORS + 2);
    assertInvalid(call("{'s_commandName':'getObjectFromList','i_list':" + AUTHORS + ",'i_position':2}"),
        "i_position");
    assertInvalid(call("{'s_commandName':'getListSize','i_list':20000}"), "i_list");

    int copy = call("{'s_commandName':'copyObjectFromList','i_list':" + AUTHORS + ",'i_position':0}")
        .path("i_returnValue").asInt();
    assertThat(copy).isGreaterThanOrEqualTo(Handles.FIRST_CREATED);
    assertThat(call("{'s_commandName':'getObjectParameterString','i_object':" + copy + ",'i_parameter':9}")
        .path("s_utf8String").asText()).isEqualTo("AUTEUR-1");
    assertThat(call("{'s_commandName':'checkValidity','i_handle':" + copy + "}").path("i_returnValue").asInt())
        .isEqualTo(1);

    int made = call("{'s_commandName':'createObject','i_type':19}").path("i_returnValue").asInt();
    assertThat(call("{'s_commandName':'getHandleType','i_handle':" + made + "}").path("i_returnValue").asInt())
        .isEqualTo(19);
    assertThat(call("{'s_commandName':'checkValidity','i_handle':" + made + "}").path("i_returnValue").asInt())
        .isZero();
    assertInvalid(call("{'s_commandName':'createObject','i_type':13}"), "i_type");
    assertInvalid(call("{'s_commandName':'createObject','i_type':12345}"), "i_type");

    for (int handle : new int[] {copy, made}) {
      assertThat(call("{'s_commandName':'releaseObject','i_handle':" + handle + "}").path("s_status").asText())
          .isEqualTo("OK");
      assertThat(call("{'s_commandName':'handleExists','i_handle':" + handle + "}").path("i_returnValue").asInt())
          .isZero();
    }
    assertInvalid(call("{'s_commandName':'releaseList','i_list':20000}"), "i_list");
    assertThat(call("{'s_commandName':'releaseList','i_list':" + AUTHORS + "}").path("s_status").asText())
        .isEqualTo("OK");
    assertThat(call("{'s_commandName':'handleExists','i_handle':" + AUTHORS + "}").path("i_returnValue").asInt())
        .isZero();
    assertInvalid(call("{'s_commandName':'getListSize','i_list':" + AUTHORS + "}"), "i_list");
  }

  @Test
  void madeObjectsBelongToTheirSession() throws Exception {
    int made = call("{'s_commandName':'createObject','i_type':9}").path("i_returnValue").asInt();
    worker.openSession("s2", "other");
    assertThat(worker.call("s2", "{\"s_commandName\":\"handleExists\",\"i_handle\":" + made + "}")
        .path("i_returnValue").asInt()).isZero();
  }

  @Test
  void globalParametersNameTheVersion() throws Exception {
    ObjectNode name = call("{'s_commandName':'getParameterString','i_globalParameter':1}");
    assertThat(name.path("s_utf8String").asText()).isEqualTo(ProductVersion.current());
    assertThat(call("{'s_commandName':'getParameterStringSize','i_globalParameter':1}").path("i_returnValue").asInt())
        .isEqualTo(ProductVersion.current().length());
    int major = call("{'s_commandName':'getParameterInt','i_globalParameter':6}").path("i_returnValue").asInt();
    assertThat(ProductVersion.current()).startsWith(major + ".");
    assertInvalid(call("{'s_commandName':'getParameterInt','i_globalParameter':1}"), "i_globalParameter");
    assertInvalid(call("{'s_commandName':'getParameterString','i_globalParameter':6}"), "i_globalParameter");
    assertInvalid(call("{'s_commandName':'getParameterString','i_globalParameter':77}"), "i_globalParameter");
  }
}
