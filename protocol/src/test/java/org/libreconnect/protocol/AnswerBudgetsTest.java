package org.libreconnect.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.command.AnswerBudgets;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.command.CommandSpec;

class AnswerBudgetsTest {
  @Test
  void everyCatalogueCommandHasTheWrappersBudget() {
    for (CommandSpec spec : CommandCatalogue.standard().all()) {
      assertThat(spec.answerBudget()).as(spec.name()).isEqualTo(AnswerBudgets.of(spec.name()).orElseThrow());
    }
    assertThat(CommandCatalogue.standard().find("hl_findDocuments").orElseThrow().answerBudget())
        .isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void theMastersDeadlineNeverCutsShorterThanTheWrapper() {
    assertThat(AnswerBudgets.masterDeadline(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(3));
    assertThat(AnswerBudgets.masterDeadline(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(6));
    assertThat(AnswerBudgets.masterDeadline(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(45));
    assertThat(AnswerBudgets.masterDeadline(Duration.ofSeconds(600))).isEqualTo(Duration.ofSeconds(630));
    // where half of the budget reaches the 30 s cap, and below a second
    assertThat(AnswerBudgets.masterDeadline(Duration.ofSeconds(59))).isEqualTo(Duration.ofMillis(88_500));
    assertThat(AnswerBudgets.masterDeadline(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(90));
    assertThat(AnswerBudgets.masterDeadline(Duration.ofSeconds(61))).isEqualTo(Duration.ofSeconds(91));
    assertThat(AnswerBudgets.masterDeadline(Duration.ofMillis(3))).isEqualTo(Duration.ofNanos(4_500_000));
  }

  /** The JS client keeps its own copy of the table (it runs without the connector): same values. */
  @Test
  void theJsClientsTableAgreesForEveryCatalogueCommand() throws IOException {
    Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    String source = Files.readString(basedir.resolve("../clients/js/src/timeouts.js"));
    Map<String, Duration> js = new HashMap<>();
    Matcher entry = Pattern.compile("\\[\\s*(\\d+),\\s*((?:'[^']*'\\s*\\+?\\s*)+),?\\s*\\]").matcher(source);
    while (entry.find()) {
      Duration budget = Duration.ofSeconds(Long.parseLong(entry.group(1)));
      String names = entry.group(2).replaceAll("'\\s*\\+\\s*'", "").replace("'", "");
      for (String name : names.trim().split("\\s+")) {
        js.put(name, budget);
      }
    }
    assertThat(js).hasSizeGreaterThan(60);
    for (CommandSpec spec : CommandCatalogue.standard().all()) {
      assertThat(js.get(spec.name())).as(spec.name()).isEqualTo(spec.answerBudget());
    }
  }
}
