package org.libreconnect.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogLevelsTest {

  @ParameterizedTest
  @CsvSource({"1, ERROR", "2, ERROR", "3, WARN", "4, INFO", "5, DEBUG", "6, DEBUG", "7, TRACE"})
  void serviceLevels(int js2Level, String logback) {
    assertThat(LogLevels.serviceLevel(js2Level)).isEqualTo(Level.toLevel(logback));
  }

  @ParameterizedTest
  @CsvSource({"1, ERROR", "2, ERROR", "3, WARN", "4, INFO", "5, INFO", "6, DEBUG", "7, TRACE"})
  void librariesLevels(int js2Level, String logback) {
    assertThat(LogLevels.librariesLevel(js2Level)).isEqualTo(Level.toLevel(logback));
  }

  @ParameterizedTest
  @CsvSource({"0, OFF", "1, ERROR", "2, ERROR", "3, WARN", "4, INFO", "5, DEBUG"})
  void connectorVerbosities(int verbosity, String logback) {
    assertThat(LogLevels.connectorLevel(verbosity)).isEqualTo(Level.toLevel(logback));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 8, -1, 0x10004})
  void serviceLevelOutOfRangeIsRefused(int value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LogLevels.serviceLevel(value))
        .withMessage("service log level: " + value + " is not between 1 and 7");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 6, 100})
  void connectorVerbosityOutOfRangeIsRefused(int value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LogLevels.connectorLevel(value))
        .withMessage("connector log verbosity: " + value + " is not between 0 and 5");
  }

  @Test
  void consoleFlagsAreStripped() {
    assertThat(LogLevels.stripConsoleFlags(0x10004)).isEqualTo(4);
    assertThat(LogLevels.stripConsoleFlags(0x20003)).isEqualTo(3);
    assertThat(LogLevels.stripConsoleFlags(0x30005)).isEqualTo(5);
    assertThat(LogLevels.stripConsoleFlags(7)).isEqualTo(7);
  }

  @Test
  void consoleFlagIsRead() {
    assertThat(LogLevels.consoleFlag(0x10004)).contains(true);
    assertThat(LogLevels.consoleFlag(0x20004)).contains(false);
    assertThat(LogLevels.consoleFlag(4)).isEmpty();
    assertThat(LogLevels.consoleFlag(0x30004)).isEmpty();
  }
}
