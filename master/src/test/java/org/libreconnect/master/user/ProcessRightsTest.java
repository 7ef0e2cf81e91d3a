package org.libreconnect.master.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessRightsTest {
  private static final OsAccount ALICE = new OsAccount("alice", 1001, 1001, Path.of("/home/alice"));
  private static final OsAccount SERVICE = new OsAccount("libreconnect", 998, 998, Path.of("/var/lib/libreconnect"));

  @Test
  void rootMayRunWorkersAsAnyone() {
    ProcessRights root = ProcessRights.parse(status("0\t0\t0\t0", "0000000000000000"));
    assertThat(root.uid()).isZero();
    assertThat(root.mayRunAs(ALICE)).isTrue();
  }

  @Test
  void aServiceUserNeedsBothAmbientCapabilities() {
    // CAP_SETGID is bit 6, CAP_SETUID bit 7: 0xc0 holds both.
    assertThat(ProcessRights.parse(status("998\t998\t998\t998", "00000000000000c0")).mayRunAs(ALICE)).isTrue();
    assertThat(ProcessRights.parse(status("998\t998\t998\t998", "0000000000000080")).mayRunAs(ALICE))
        .as("CAP_SETUID alone").isFalse();
    assertThat(ProcessRights.parse(status("998\t998\t998\t998", "0000000000000000")).mayRunAs(ALICE)).isFalse();
  }

  @Test
  void anyProcessMayRunWorkersAsItsOwnUser() {
    ProcessRights service = ProcessRights.parse(status("998\t998\t998\t998", "0000000000000000"));
    assertThat(service.mayRunAs(SERVICE)).isTrue();
  }

  @Test
  void withoutProcFilesNobodyElse() {
    ProcessRights unknown = ProcessRights.parse(Path.of("/nonexistent/status"));
    assertThat(unknown.mayRunAs(ALICE)).isFalse();
  }

  @Test
  void thisProcessIsRead() {
    assertThat(ProcessRights.current().uid()).isGreaterThanOrEqualTo(0);
  }

  private static List<String> status(String uids, String ambient) {
    return List.of("Name:\tjava", "Uid:\t" + uids, "Gid:\t0\t0\t0\t0", "CapInh:\t0000000000000000",
        "CapEff:\t000001ffffffffff", "CapAmb:\t" + ambient);
  }
}
