package org.libreconnect.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.protocol.error.ErrorMapper;
import org.libreconnect.protocol.error.InvalidSessionException;
import org.libreconnect.protocol.error.UnknownCommandException;

class ErrorMapperTest {
  private final ErrorMapper mapper = new ErrorMapper();
  private final WireJson json = new WireJson();

  @Test
  void unknownCommandIsFunctional6000() {
    ErrorAnswer answer =
        mapper.toAnswer(new UnknownCommandException("Unknown command: hl_nope"), "hl_nope");
    assertThat(answer.status()).isEqualTo(Status.ERROR);
    assertThat(answer.apiErrorType()).isEqualTo(6000);
    assertThat(answer.apiErrorCode()).isEqualTo(2);
    assertThat(answer.apiErrorContext()).isEqualTo("hl_nope");
    assertThat(answer.errorDescription()).isEqualTo("Unknown command: hl_nope");
  }

  @Test
  void invalidSessionIsCode3EvenWhenWrapped() {
    ErrorAnswer answer =
        mapper.toAnswer(
            new CompletionException(new InvalidSessionException("Unknown session")), "x");
    assertThat(answer.apiErrorCode()).isEqualTo(3);
  }

  @Test
  void anythingElseIsTechnicalWithoutItsMessage() {
    ErrorAnswer answer = mapper.toAnswer(new IllegalStateException("pin 1234 leaked"), "x");
    assertThat(answer.apiErrorType()).isEqualTo(6000);
    assertThat(answer.apiErrorCode()).isEqualTo(1);
    assertThat(answer.apiErrorDescription()).contains("IllegalStateException").doesNotContain("1234");
  }

  @Test
  void aTimeoutIsATechnicalErrorInWordsNotAnInternalError() {
    ErrorAnswer answer =
        mapper.toAnswer(
            new java.util.concurrent.CompletionException(new java.util.concurrent.TimeoutException()), null);
    assertThat(answer.apiErrorCode()).isEqualTo(1);
    assertThat(answer.errorDescription()).contains("in time").doesNotContain("Internal error");
  }

  @Test
  void serialisesWithExactJs2Keys() {
    String text = json.error(mapper.toAnswer(new InvalidSessionException("Unknown session"), "c"));
    assertThat(text)
        .isEqualTo(
            "{\"s_status\":\"ERROR\",\"s_errorDescription\":\"Unknown session\","
                + "\"i_apiErrorType\":6000,\"s_apiErrorTypeDescription\":\"DmpConnectJsSoftwareErrors\","
                + "\"i_apiErrorCode\":3,\"s_apiErrorDescription\":\"Unknown session\","
                + "\"s_apiErrorContext\":\"c\",\"s_apiErrorExtendedInformations\":\"\"}");
  }
}
