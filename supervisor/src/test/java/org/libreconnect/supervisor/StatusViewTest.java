package org.libreconnect.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusViewTest {
  @Test
  void readsTheStatusJsonSupportNeeds() {
    StatusView view = StatusView.parse("""
        {"version":"0.1.0","simulation":true,"activeSessions":2,"certificateExpiresAt":"2027-01-01T00:00:00Z",
         "workers":[{"pid":1},{"pid":2},{"pid":3}],
         "support":{"configFile":"/h/libreconnect.xml","logDirectory":"/h/logs",
           "readers":["Virtual PCD 00 00: no card"],
           "checks":[{"name":"NTP","outcome":"FAILED","detail":"no answer","remedy":"Open UDP 123."},
                     {"name":"DMP","outcome":"OK","detail":"ok","remedy":""}]}}""");
    assertThat(view.reachable()).isTrue();
    assertThat(view.mode()).isEqualTo("simulation");
    assertThat(view.workers()).isEqualTo(3);
    assertThat(view.readers()).containsExactly("Virtual PCD 00 00: no card");
    assertThat(view.failedChecks()).containsExactly("NTP: no answer — Open UDP 123.");
    assertThat(view.configFile()).isEqualTo("/h/libreconnect.xml");
  }

  @Test
  void anythingElseIsUnreachable() {
    assertThat(StatusView.parse("{\"unavailable\":\"down\"}").reachable()).isFalse();
    assertThat(StatusView.parse("not json").reachable()).isFalse();
  }
}
