package org.libreconnect.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.command.LogCommands.LogsTailInput;
import org.libreconnect.protocol.error.InvalidParameterException;

/** The line counts of getLogsTail and hl_getSessionLogsTail, read in one place for master and worker. */
class LogsTailInputTest {

  @Test
  void countsDefaultAndAreCapped() {
    LogsTailInput input = new LogsTailInput(null, null, null, 99_999);
    assertThat(input.serverLines()).isEqualTo(LogsTailInput.DEFAULT_LINES);
    assertThat(input.connectorLines()).isEqualTo(LogsTailInput.MAX_LINES);
  }

  @Test
  void aNegativeCountIsRefusedForALogThatIsAsked() {
    assertThatThrownBy(() -> new LogsTailInput(null, null, -1, null).validate())
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Invalid parameter i_serverLogNbLastLines: must not be negative");
    new LogsTailInput(0, null, -1, null).validate(); // the service log is not asked
  }
}
