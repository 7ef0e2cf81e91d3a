package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.soap.DmpService;

/** The journal keeps every request and names what is not conforming in them afterwards. */
class RequestJournalTest {
  private final DmpFixture dmp = new DmpFixture();

  @Test
  void conformingRequestsLeaveNothingToReport() {
    dmp.send(OfficialExample.request("TD0.2", DmpService.PATIENTS, DmpFixture.NOW));
    dmp.send(OfficialExample.request("TD0.3", DmpService.HABILITATIONS, DmpFixture.NOW));
    dmp.send(OfficialExample.request("TD2.1", DmpService.REPOSITORY, DmpFixture.NOW,
        OfficialExamplesTest::withMinimalStructureCda));

    assertThat(dmp.dispatcher.journal().entries()).hasSize(3);
    assertThat(dmp.dispatcher.journal().nonConformities()).isEmpty();
  }

  @Test
  void eachNonConformingRequestIsNamedWithItsDefects() {
    dmp.send(OfficialExample.request("TD0.2", DmpService.PATIENTS, DmpFixture.NOW,
        text -> text.replace("<queryByParameter>", "<inconnu/><queryByParameter>")));
    dmp.send(OfficialExample.request("TD0.3", DmpService.HABILITATIONS, DmpFixture.NOW));
    dmp.send(OfficialExample.request("TD2.1", DmpService.REPOSITORY, DmpFixture.NOW));

    assertThat(dmp.dispatcher.journal().nonConformities())
        .anySatisfy(line -> assertThat(line).startsWith("#1 TD0.2 ").contains("inconnu"))
        .anySatisfy(line -> assertThat(line).isEqualTo("#3 TD2.1 CDA: setId"))
        .noneSatisfy(line -> assertThat(line).startsWith("#2"));
  }
}
