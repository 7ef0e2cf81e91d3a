package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.error.InvalidParameterException;

class DmpUrlsTest {
  @Test
  void emptyIsProductionFormationIsTrainingHttpsIsVerbatim() {
    assertThat(DmpUrls.resolve("", null).base()).isEqualTo(DmpUrls.PRODUCTION);
    assertThat(DmpUrls.resolve(null, null).isProduction()).isTrue();
    assertThat(DmpUrls.resolve("formation2", null).base().toString())
        .isEqualTo("https://formation2.lps2.dmp.gouv.fr/si-dmp-server/v2/services");
    assertThat(DmpUrls.resolve("formation2", null).isProduction()).isFalse();
    assertThat(DmpUrls.resolve("https://127.0.0.1:8443/si-dmp-server/v2/services/", null).service("patients"))
        .isEqualTo(URI.create("https://127.0.0.1:8443/si-dmp-server/v2/services/patients"));
  }

  @Test
  void simulationReplacesProductionAndTrainingButNotExplicitUrls() {
    URI simulator = URI.create("https://127.0.0.1:9999/si-dmp-server/v2/services");
    assertThat(DmpUrls.resolve("", simulator).base()).isEqualTo(simulator);
    assertThat(DmpUrls.resolve("formation1", simulator).base()).isEqualTo(simulator);
    assertThat(DmpUrls.resolve("https://dmp.example/x", simulator).base().getHost()).isEqualTo("dmp.example");
  }

  @Test
  void simulationAlsoTakesTheOfficialUrlsThePublicWrapperWritesOut() {
    URI simulator = URI.create("https://127.0.0.1:9999/si-dmp-server/v2/services");
    assertThat(DmpUrls.resolve("https://formation3.lps2.dmp.gouv.fr/si-dmp-server/v2/services", simulator).base())
        .isEqualTo(simulator);
    assertThat(DmpUrls.resolve(DmpUrls.PRODUCTION.toString(), simulator).base()).isEqualTo(simulator);
    assertThat(DmpUrls.resolve("https://FORMATION12.LPS2.DMP.GOUV.FR/si-dmp-server/v2/services/", simulator).base())
        .isEqualTo(simulator);
    assertThat(DmpUrls.resolve("https://formation3.lps2.dmp.gouv.fr/si-dmp-server/v2/services", null).base().getHost())
        .isEqualTo("formation3.lps2.dmp.gouv.fr");
    assertThat(DmpUrls.resolve("https://lps2.dmp.gouv.fr.example/si-dmp-server/v2/services", simulator).base().getHost())
        .isEqualTo("lps2.dmp.gouv.fr.example");
  }

  @Test
  void webPsLinksAreOnTheWebPsHostsEvenInSimulation() {
    URI simulator = URI.create("https://127.0.0.1:9999/si-dmp-server/v2/services");
    String ins = "279035121518989";
    assertThat(DmpUrls.resolve("formation2", null).webPsUrls(ins))
        .hasSize(8)
        .first()
        .isEqualTo("https://formation2.ps.dmp.gouv.fr/AccesDirect/TableauDeBord/" + ins);
    assertThat(DmpUrls.resolve("formation2", simulator).webPsUrls(ins).get(1))
        .isEqualTo("https://formation2.ps.dmp.gouv.fr/AccesDirect/DossierPatient/" + ins);
    assertThat(DmpUrls.resolve("https://FORMATION7.lps2.dmp.gouv.fr/si-dmp-server/v2/services", simulator)
            .webPsUrls(ins).get(0))
        .startsWith("https://formation7.ps.dmp.gouv.fr/AccesDirect/");
    assertThat(DmpUrls.resolve("", simulator).webPsUrls(ins).get(0))
        .isEqualTo(DmpUrls.PRODUCTION_WEB_PS_ROOT + "/AccesDirect/TableauDeBord/" + ins);
    assertThat(DmpUrls.resolve(DmpUrls.PRODUCTION.toString(), null).webPsUrls(ins).get(0))
        .startsWith(DmpUrls.PRODUCTION_WEB_PS_ROOT + "/AccesDirect/");
    assertThat(DmpUrls.resolve("https://dmp.example:8443/x", null).webPsUrls(ins).get(0))
        .isEqualTo("https://dmp.example:8443/AccesDirect/TableauDeBord/" + ins);
    assertThat(DmpUrls.resolve("formation2", null).webPsUrls(ins)).noneMatch(url -> url.contains("lps2"));
  }

  @Test
  void anythingElseIsRefusedWithoutEchoingTheValue() {
    assertThatThrownBy(() -> DmpUrls.resolve("http://lps2.dmp.gouv.fr", null))
        .isInstanceOf(InvalidParameterException.class).hasMessageNotContaining("lps2");
    assertThatThrownBy(() -> DmpUrls.resolve("formation", null)).isInstanceOf(InvalidParameterException.class);
  }
}
