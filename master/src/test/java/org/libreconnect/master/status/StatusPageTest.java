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

  private static StatusSnapshot supportSnapshot() {
    return new StatusSnapshot("1.0", "dev", "2026-12-03T10:00:00Z", false, "127.0.0.1:9982", 0, 2, List.of(),
        "2027-12-01T00:00:00Z", List.of(), List.of(),
        new StatusSnapshot.SupportView("/home/u/.libreconnect/libreconnect.xml", "/home/u/.libreconnect/logs",
            "Europe/Paris",
            List.of(new StatusSnapshot.RefusalView("https://<b>evil</b>.example", "2026-12-03T10:05:00Z")),
            List.of("Virtual PCD 00 00: card present, ATR 3B8F"),
            "2026-12-03T10:01:00Z",
            List.of(new StatusSnapshot.CheckView("NTP server pool:123", "FAILED", "no answer", "Open UDP 123."))));
  }

  @Test
  void answersSupportQuestionsInEnglish() {
    String html = new StatusPage().render(supportSnapshot(), java.util.Locale.ENGLISH,
        java.time.ZoneId.of("Europe/Paris"));
    assertThat(html).contains("<title>LibreConnect status (master)</title>")
        .contains("/home/u/.libreconnect/libreconnect.xml").contains("/home/u/.libreconnect/logs")
        .contains("&lt;b&gt;evil&lt;/b&gt;").doesNotContain("<b>evil")
        .contains(">2026-12-03 11:05:00</time>")
        .contains("ATR 3B8F")
        .contains("Open UDP 123.").contains(">FAILED<")
        .contains("action=\"/diagnostics.zip\"");
  }

  @Test
  void speaksFrenchWhenAskedOrPreferred() {
    String html = new StatusPage().render(supportSnapshot(), java.util.Locale.FRENCH,
        java.time.ZoneId.of("Europe/Paris"));
    assertThat(html).contains("lang=\"fr\"").contains("État de LibreConnect (master)")
        .contains("Dernières origines refusées").contains(">ÉCHEC<").contains("Télécharger le paquet de diagnostic");
    assertThat(StatusPage.language(null, "fr-FR,fr;q=0.9,en;q=0.8").getLanguage()).isEqualTo("fr");
    assertThat(StatusPage.language(null, "de-DE,en;q=0.5").getLanguage()).isEqualTo("en");
    assertThat(StatusPage.language("en", "fr-FR").getLanguage()).isEqualTo("en");
    assertThat(StatusPage.language(null, "garbage;;q=").getLanguage()).isEqualTo("en");
  }
}
