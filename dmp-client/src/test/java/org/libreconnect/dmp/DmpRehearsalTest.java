package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.command.DmpCommands.DmpStatusAnswer;

class DmpRehearsalTest {

  @Test
  void aTd02GoesThroughCxfToTheLoopbackListenerAndItsAnswerIsRead() throws Exception {
    DmpStatusAnswer answer = DmpRehearsal.run(Duration.ofSeconds(20));

    // the listener's "not found" came back through CXF, SAAJ and the TD0.2 reader
    assertThat(answer.existingTestAnswer().dmpStatus()).isEqualTo(3);
    assertThat(answer.existingTestAnswer().adminData().ins().ins()).isEqualTo(DmpRehearsal.SAMPLE_INS);
  }

  @Test
  void itCanRunAgainAndLeavesNoListenerBehind() throws Exception {
    DmpRehearsal.run(Duration.ofSeconds(20));
    DmpStatusAnswer again = DmpRehearsal.run(Duration.ofSeconds(20));

    assertThat(again.existingTestAnswer().dmpStatus()).isEqualTo(3);
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("dmp-rehearsal") && t.isAlive());
  }
}
