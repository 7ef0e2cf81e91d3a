package org.libreconnect.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.command.DataCommands.SetSessionDataInput;
import org.libreconnect.protocol.command.DateCommands.BirthDateInput;
import org.libreconnect.protocol.command.LogCommands.LogsTailInput;
import org.libreconnect.protocol.command.SessionCommands.OpenSessionInput;
import org.libreconnect.protocol.command.SessionCommands.OpenSessionAnswer;
import org.libreconnect.protocol.error.InvalidJsonException;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.MissingParameterException;

class WireJsonTest {
  private final WireJson json = new WireJson();

  @Test
  void parsesEnvelope() {
    CommandEnvelope envelope =
        json.parseCommand("{\"s_commandName\":\"hl_getSessionData\",\"s_sessionId\":\"abc\"}");
    assertThat(envelope.commandName()).isEqualTo("hl_getSessionData");
    assertThat(envelope.sessionId()).isEqualTo("abc");
  }

  @Test
  void nullOrEmptySessionIdIsAbsent() {
    assertThat(json.parseCommand("{\"s_commandName\":\"x\",\"s_sessionId\":null}").sessionId())
        .isNull();
    assertThat(json.parseCommand("{\"s_commandName\":\"x\",\"s_sessionId\":\"\"}").sessionId())
        .isNull();
  }

  @Test
  void rejectsWhatIsNotOneObject() {
    assertThatThrownBy(() -> json.parseCommand("{\"s_commandName\":")).isInstanceOf(InvalidJsonException.class);
    assertThatThrownBy(() -> json.parseCommand("[1,2]")).isInstanceOf(InvalidJsonException.class);
    assertThatThrownBy(() -> json.parseCommand("{} {}")).isInstanceOf(InvalidJsonException.class);
    assertThatThrownBy(() -> json.parseCommand("")).isInstanceOf(InvalidJsonException.class);
    assertThatThrownBy(() -> json.parseCommand("{\"a\":1,\"a\":2,\"s_commandName\":\"x\"}"))
        .isInstanceOf(InvalidJsonException.class);
  }

  @Test
  void syntaxErrorsNeverQuoteTheInput() {
    assertThatThrownBy(() -> json.parseCommand("{\"s_pinCode\": 1234secret}"))
        .isInstanceOfSatisfying(
            InvalidJsonException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("1234");
              assertThat(e.extendedInformation()).doesNotContain("secret").contains("line 1");
            });
  }

  @Test
  void commandNameIsRequiredAndMustBeAString() {
    assertThatThrownBy(() -> json.parseCommand("{\"s_sessionId\":\"abc\"}"))
        .isInstanceOfSatisfying(
            MissingParameterException.class, e -> assertThat(e.key()).isEqualTo("s_commandName"));
    assertThatThrownBy(() -> json.parseCommand("{\"s_commandName\":12}"))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void integersAcceptStringsNumbersBooleansAndNull() {
    ObjectNode body =
        json.parseCommand(
                "{\"s_commandName\":\"hl_openSession\",\"i_timeoutInSeconds\":\"3600\","
                    + "\"i_proxyPort\":8080.0,\"i_disableUpdateCheck\":true,"
                    + "\"i_getDcparamInformations\":null,\"unknown\":{\"a\":1},"
                    + "\"s_applicationId\":42}")
            .body();
    OpenSessionInput input = json.readInput(body, OpenSessionInput.class);
    assertThat(input.timeoutInSeconds()).isEqualTo(3600);
    assertThat(input.proxyPort()).isEqualTo(8080);
    assertThat(input.disableUpdateCheck()).isEqualTo(1);
    assertThat(input.getDcParamInformations()).isNull();
    assertThat(input.applicationId()).isEqualTo("42");
  }

  @Test
  void emptyStringIntegerIsAbsent() {
    ObjectNode body = json.parseCommand("{\"s_commandName\":\"x\",\"i_getServerLog\":\"\"}").body();
    assertThat(json.readInput(body, LogsTailInput.class).getServerLog()).isNull();
  }

  @Test
  void badIntegerNamesTheKeyButNotTheValue() {
    ObjectNode body =
        json.parseCommand("{\"s_commandName\":\"x\",\"i_timeoutInSeconds\":\"12ab34\"}").body();
    assertThatThrownBy(() -> json.readInput(body, OpenSessionInput.class))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> {
              assertThat(e.key()).isEqualTo("i_timeoutInSeconds");
              assertThat(e.getMessage()).contains("i_timeoutInSeconds").doesNotContain("12ab34");
            });
    ObjectNode tooBig =
        json.parseCommand("{\"s_commandName\":\"x\",\"i_timeoutInSeconds\":99999999999}").body();
    assertThatThrownBy(() -> json.readInput(tooBig, OpenSessionInput.class))
        .isInstanceOf(InvalidParameterException.class);
    ObjectNode fraction =
        json.parseCommand("{\"s_commandName\":\"x\",\"i_timeoutInSeconds\":1.5}").body();
    assertThatThrownBy(() -> json.readInput(fraction, OpenSessionInput.class))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void requiredParametersAreChecked() {
    ObjectNode missing = json.parseCommand("{\"s_commandName\":\"x\",\"s_date\":\"010203\"}").body();
    assertThatThrownBy(() -> json.readInput(missing, BirthDateInput.class))
        .isInstanceOfSatisfying(
            MissingParameterException.class, e -> assertThat(e.key()).isEqualTo("i_quality"));
    ObjectNode empty =
        json.parseCommand("{\"s_commandName\":\"x\",\"s_sessionData64\":\"\"}").body();
    assertThatThrownBy(() -> json.readInput(empty, SetSessionDataInput.class))
        .isInstanceOf(MissingParameterException.class);
  }

  @Test
  void base64IsChecked() {
    ObjectNode bad =
        json.parseCommand("{\"s_commandName\":\"x\",\"s_sessionData64\":\"not base64!\"}").body();
    assertThatThrownBy(() -> json.readInput(bad, SetSessionDataInput.class))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> assertThat(e.key()).isEqualTo("s_sessionData64"));
    ObjectNode good =
        json.parseCommand("{\"s_commandName\":\"x\",\"s_sessionData64\":\"aGVsbG8=\"}").body();
    assertThat(json.readInput(good, SetSessionDataInput.class).sessionData64()).isEqualTo("aGVsbG8=");
  }

  @Test
  void okAnswerPutsStatusFirstAndOmitsAbsentFields() {
    String text =
        json.ok(new OpenSessionAnswer("sid", "1.0", 0, null, null, null, null, null, null));
    assertThat(text)
        .isEqualTo(
            "{\"s_status\":\"OK\",\"s_sessionId\":\"sid\",\"s_serviceVersion\":\"1.0\",\"i_isProduction\":0}");
    assertThat(json.ok(null)).isEqualTo("{\"s_status\":\"OK\"}");
  }

  record Inner(@JsonProperty("i_number") int number, @JsonProperty("s_absent") String absent) {}

  record Nested(
      @JsonProperty("s_name") String name,
      @JsonProperty("s_absent") String absent,
      @JsonProperty("Items") java.util.List<Inner> items,
      @JsonProperty("s_bytes") byte[] bytes) {}

  record ClaimsItsOwnStatus(
      @JsonProperty("s_status") String status, @JsonProperty("s_other") String other) {}

  record Nothing() {}

  record UnwrapsAStatus(
      @com.fasterxml.jackson.annotation.JsonUnwrapped ClaimsItsOwnStatus inner,
      @JsonProperty("s_more") String more) {}

  record UnwrapsFields(
      @com.fasterxml.jackson.annotation.JsonUnwrapped Nested inner, @JsonProperty("s_more") String more) {}

  /** The tree the answer took before: what {@link WireJson#ok} must still write, byte for byte. */
  private String throughATree(Object answer) {
    return json.write(json.okNode(answer));
  }

  @Test
  void okAnswersAreWrittenAsThroughATree() {
    Object[] answers = {
      new OpenSessionAnswer("sid", "1.0", 0, null, null, null, null, null, null),
      new Nested("é \"quoted\" \u2028", null, java.util.List.of(new Inner(1, null), new Inner(-2, "x")),
          new byte[] {1, 2, 3}),
      new Nested(null, null, java.util.List.of(), null),
      new Nothing(),
      new ClaimsItsOwnStatus("KO", "kept"),
      new UnwrapsAStatus(new ClaimsItsOwnStatus("KO", "kept"), "more"),
      new UnwrapsFields(new Nested("n", null, java.util.List.of(new Inner(3, "y")), null), "more"),
      new org.libreconnect.protocol.command.DocumentFileAnswer(null, "file:///tmp/x.pdf"),
      java.util.Map.of("s_status", "KO", "i_value", 1),
      java.util.Map.of(),
    };
    for (Object answer : answers) {
      assertThat(json.ok(answer)).as(answer.getClass().getSimpleName()).isEqualTo(throughATree(answer));
    }
    assertThat(json.ok(new Nothing())).isEqualTo("{\"s_status\":\"OK\"}");
    assertThat(json.ok(new Nested("n", null, java.util.List.of(new Inner(1, null)), null)))
        .isEqualTo("{\"s_status\":\"OK\",\"s_name\":\"n\",\"Items\":[{\"i_number\":1}]}");
    assertThat(json.ok(new ClaimsItsOwnStatus("KO", "kept")))
        .isEqualTo("{\"s_status\":\"OK\",\"s_other\":\"kept\"}");
    assertThat(json.ok(new UnwrapsAStatus(new ClaimsItsOwnStatus("KO", "kept"), "more")))
        .isEqualTo("{\"s_status\":\"OK\",\"s_other\":\"kept\",\"s_more\":\"more\"}");
  }

  @Test
  void openSessionInputNeverPrintsTheProxyPassword() {
    ObjectNode body =
        json.parseCommand("{\"s_commandName\":\"x\",\"s_proxyPassword\":\"hunter2\"}").body();
    assertThat(json.readInput(body, OpenSessionInput.class).toString()).doesNotContain("hunter2");
  }
}
