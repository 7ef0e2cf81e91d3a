package org.libreconnect.master.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.error.InvalidSessionException;

class SessionRegistryTest {
  private final Instant now = Instant.parse("2026-11-21T10:00:00Z");

  private Session session(String id, String origin) {
    return new Session(id, "app", null, null, origin, now, Duration.ofSeconds(60), null, null);
  }

  @Test
  void sessionsAreFoundOnlyFromTheirOrigin() {
    SessionRegistry registry = new SessionRegistry();
    registry.add(session("s1", "https://a.test"));
    assertThat(registry.require("s1", "https://a.test").id()).isEqualTo("s1");
    assertThatThrownBy(() -> registry.require("s1", "https://b.test")).isInstanceOf(InvalidSessionException.class);
    assertThatThrownBy(() -> registry.require("s2", "https://a.test")).isInstanceOf(InvalidSessionException.class);
    assertThatThrownBy(() -> registry.require(null, "https://a.test")).isInstanceOf(InvalidSessionException.class);
  }

  @Test
  void idleCountsCommandsButNotWhileAStreamIsOpen() {
    Session session = session("s1", "o");
    assertThat(session.idleAt(now.plusSeconds(59))).isFalse();
    assertThat(session.idleAt(now.plusSeconds(61))).isTrue();
    session.streamOpened();
    assertThat(session.idleAt(now.plusSeconds(600))).isFalse();
    session.streamClosed(now.plusSeconds(600));
    assertThat(session.idleAt(now.plusSeconds(650))).isFalse();
    assertThat(session.idleAt(now.plusSeconds(661))).isTrue();
  }

  @Test
  void proxyPasswordNeverPrinted() {
    assertThat(new Session.ProxyOverride("proxy", 3128, "bob", "hunter2").toString()).doesNotContain("hunter2");
  }
}
