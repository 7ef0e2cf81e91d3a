package org.libreconnect.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.command.CommandSpec;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.command.Target;

class CommandCatalogueTest {
  private final CommandCatalogue catalogue = CommandCatalogue.standard();

  @Test
  void sessionlessCommandsAreTheDocumentedOnes() {
    assertThat(catalogue.all().stream().filter(s -> !s.needsSession()).map(CommandSpec::name))
        .containsExactlyInAnyOrder("hl_openSession", "getLogsTail", "getLogLevels", "setLogLevels",
            "hl_sessionExists");
  }

  @Test
  void namesAreCaseSensitiveButRestFormIsLowerCase() {
    assertThat(catalogue.find("HL_OPENSESSION")).isEmpty();
    assertThat(catalogue.findByLowerCaseName("hl_opensession"))
        .get()
        .extracting(CommandSpec::target)
        .isEqualTo(Target.MASTER);
    assertThat(catalogue.find("hl_startDummyMonitoring")).get().matches(CommandSpec::persistent);
  }

  @Test
  void linkCommandsAreNotReachableByClients() {
    assertThat(catalogue.all()).noneMatch(spec -> spec.name().startsWith("link."));
  }

  @Test
  void refusesDuplicates() {
    assertThatThrownBy(
            () -> new CommandCatalogue.Builder()
                    .worker("hl_getSessionState", NoInput.class)
                    .worker("hl_getSessionState", NoInput.class))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
