package org.libreconnect.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.error.InvalidParameterException;

class HousekeepingHandlersTest {
  @Test
  void serverIsAnHttpUrlOrAHostName() {
    assertThat(HousekeepingHandlers.server("https://lps2.dmp.gouv.fr/x").getHost()).isEqualTo("lps2.dmp.gouv.fr");
    assertThat(HousekeepingHandlers.server("10.0.0.5").toString()).isEqualTo("https://10.0.0.5");
    assertThat(HousekeepingHandlers.server(" http://proxy.local:8080 ").getPort()).isEqualTo(8080);
  }

  @Test
  void anythingElseIsRefusedWithoutQuotingIt() {
    for (String bad : new String[] {"", "ftp://host", "https://user:secret@host", "https://", "a b"}) {
      assertThatThrownBy(() -> HousekeepingHandlers.server(bad))
          .as(bad)
          .isInstanceOf(InvalidParameterException.class)
          .hasMessageNotContaining("secret")
          .hasMessageContaining("s_server");
    }
  }
}
