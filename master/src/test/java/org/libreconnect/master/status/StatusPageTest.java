package org.libreconnect.master.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPageTest {
  @Test
  void showsTheSessionCountAndEscapesWhatClientsSent() {
    StatusSnapshot snapshot =
        new StatusSnapshot("1.0", "dev", "2026-11-21T10:00:00Z", true, "127.0.0.1:9982", 1, 3,
            List.of("https://*.example.com"), "2027-12-01T00:00:00Z",
            List.of(new StatusSnapshot.SessionView("sid-1", "<script>alert(1)</script>", "https://a.test",
                "DOMAIN\\bob", 4242, "READY", "t0", "t1", 3600, 0)),
            List.of());
    String html = new StatusPage().render(snapshot);
    assertThat(html).contains("Number of active sessions: 1");
    assertThat(html).contains("sid-1").contains("4242").contains("DOMAIN\\bob");
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(html).contains("simulation mode");
    assertThat(html).contains("<th>Build</th><td>dev (verbose logs by default)");
  }

  @Test
  void offersTheCaCertificateAndTheExamplesPage() {
    StatusSnapshot snapshot =
        new StatusSnapshot("1.0", "production", "t0", false, "127.0.0.1:9982", 0, 0, List.of(), "2027-12-01T00:00:00Z",
            List.of(), List.of());
    String html = new StatusPage().render(snapshot);
    assertThat(html).contains("2027-12-01T00:00:00Z")
        .contains("<a href=\"/ca.crt\" download>")
        .contains("<a href=\"/examples/\">");
    assertThat(html).contains("<th>Build</th><td>production (quiet logs by default)");
  }
}
