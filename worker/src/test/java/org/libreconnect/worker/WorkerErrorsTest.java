package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.worker.data.DataTooLargeException;
import org.libreconnect.worker.data.PersistentDataAccessException;
import org.libreconnect.worker.data.UnknownSessionDataException;
import org.libreconnect.worker.dates.InvalidDateException;

class WorkerErrorsTest {
  private final WorkerErrors errors = new WorkerErrors();

  @Test
  void dataTooLargeIsFunctionalAndNamesTheLimit() {
    ErrorAnswer answer =
        errors.toAnswer(
            new DataTooLargeException("new session data item", 70, 64), "hl_setSessionData");

    assertThat(answer.apiErrorType()).isEqualTo(6000);
    assertThat(answer.apiErrorCode()).isEqualTo(2);
    assertThat(answer.apiErrorDescription()).contains("limit of 64 bytes");
    assertThat(answer.apiErrorExtendedInformations()).isEqualTo("limit: 64 bytes");
    assertThat(answer.apiErrorContext()).isEqualTo("hl_setSessionData");
  }

  @Test
  void unknownDataAndBadDatesAreFunctional() {
    assertThat(errors.toAnswer(new UnknownSessionDataException("x1"), null).apiErrorCode())
        .isEqualTo(2);
    ErrorAnswer date = errors.toAnswer(new InvalidDateException("99", "too short"), null);
    assertThat(date.apiErrorCode()).isEqualTo(2);
    assertThat(date.apiErrorDescription())
        .startsWith("Invalid parameter s_date:")
        .doesNotContain("99");
  }

  @Test
  void fileFailuresAreTechnicalAndKeepPathsOutOfTheAnswer() {
    ErrorAnswer answer =
        errors.toAnswer(
            new PersistentDataAccessException(
                "cannot write to /home/someone/data", new IOException("disk full")),
            null);

    assertThat(answer.apiErrorCode()).isEqualTo(1);
    assertThat(answer.apiErrorDescription()).doesNotContain("/home/someone");
  }

  @Test
  void wrappedFailuresAreUnwrappedAndOthersAreTechnical() {
    assertThat(
            errors
                .toAnswer(new CompletionException(new UnknownSessionDataException("x")), null)
                .apiErrorCode())
        .isEqualTo(2);
    assertThat(errors.toAnswer(new IllegalStateException("secret detail"), null))
        .satisfies(
            a -> {
              assertThat(a.apiErrorCode()).isEqualTo(1);
              assertThat(a.apiErrorDescription()).doesNotContain("secret detail");
            });
  }
}
