package org.libreconnect.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.worker.WorkerHarness;

/** The date commands with "today" = 2026-03-15 (see {@link WorkerHarness#CLOCK}). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DateHandlersTest {
  @TempDir Path dir;
  private WorkerHarness worker;

  @BeforeEach
  void start() throws Exception {
    worker = new WorkerHarness(dir);
    worker.openSession("s-1", "app");
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void lunarDatesBecomeCalendarDatesInTheirOwnLayout() throws Exception {
    assertThat(convert("851399")).isEqualTo("850101");
    assertThat(convert("31042001")).isEqualTo("30042001");
    assertThat(convert("19900615")).isEqualTo("19900615");
  }

  @Test
  void theCenturyDependsOnTheQualityAndTheInjectedClock() throws Exception {
    assertThat(century("150101", "6")).isEqualTo(20);
    assertThat(century("150101", "0")).isEqualTo(19);
    assertThat(century("100101", "0")).isEqualTo(20);
  }

  @Test
  void regularizedDatesAreFullCalendarDates() throws Exception {
    ObjectNode answer =
        worker.call(
            "s-1",
            "{\"s_commandName\":\"hl_regularizeBirthDateIfNeeded\",\"s_date\":\"230229\",\"i_quality\":6}");

    assertThat(answer.get("s_date").asText()).isEqualTo("20230228");
  }

  @Test
  void aMalformedDateIsAnInvalidParameterThatDoesNotEchoTheValue() throws Exception {
    ObjectNode answer =
        worker.call(
            "s-1",
            "{\"s_commandName\":\"hl_convertLunarDateToStandardDate\",\"s_date\":\"12ab56\"}");

    assertThat(answer.get("i_apiErrorCode").asInt()).isEqualTo(2);
    assertThat(answer.get("s_apiErrorDescription").asText())
        .startsWith("Invalid parameter s_date:")
        .doesNotContain("12ab56");
  }

  @Test
  void aMissingQualityIsAMissingParameter() throws Exception {
    ObjectNode answer =
        worker.call(
            "s-1", "{\"s_commandName\":\"hl_computeBirthDayCentury\",\"s_date\":\"150101\"}");

    assertThat(answer.get("s_apiErrorDescription").asText())
        .isEqualTo("Missing parameter: i_quality");
  }

  private String convert(String date) throws InterruptedException {
    return worker
        .call(
            "s-1",
            "{\"s_commandName\":\"hl_convertLunarDateToStandardDate\",\"s_date\":\"" + date + "\"}")
        .get("s_date")
        .asText();
  }

  private int century(String date, String quality) throws InterruptedException {
    ObjectNode answer =
        worker.call(
            "s-1",
            "{\"s_commandName\":\"hl_computeBirthDayCentury\",\"s_date\":\""
                + date
                + "\",\"i_quality\":\""
                + quality
                + "\"}");
    assertThat(answer.get("s_status").asText()).as(answer.toString()).isEqualTo("OK");
    return answer.get("i_century").asInt();
  }
}
