package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.command.CommandSpec;
import org.libreconnect.protocol.command.DataCommands.SessionDataIdInput;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.command.Target;
import java.util.Optional;
import org.libreconnect.pkcs11.CryptolibLibraries;
import org.libreconnect.simulator.card.InProcessTerminals;
import org.libreconnect.worker.card.AtrClassifier;
import org.libreconnect.worker.card.CardBackends;
import org.libreconnect.worker.card.CardExecutor;
import org.libreconnect.worker.card.CardService;
import org.libreconnect.worker.card.SimulatedTerminalsPort;
import org.libreconnect.worker.data.PersistentDataStore;
import org.libreconnect.worker.handlers.StandardHandlers;

class HandlerTableTest {
  private final CommandCatalogue catalogue = CommandCatalogue.standard();

  @Test
  void theStandardTableServesEveryWorkerCommandOfTheCatalogue(@TempDir Path dir) {
    HandlerTable table =
        StandardHandlers.table(
            catalogue,
            new PersistentDataStore(dir, 10),
            Clock.systemUTC(),
            new RecordingLogControl(dir),
            cardService(),
            new org.libreconnect.worker.dmp.DmpHandlers(null), // registration only
            new org.libreconnect.worker.insi.InsiHandlers(null, null),
            new org.libreconnect.worker.printer.PrinterHandlers(
                new org.libreconnect.worker.printer.PrintSpool(dir.resolve("printer")),
                java.time.Duration.ofSeconds(1)),
            null); // registration only

    assertThat(table.names())
        .containsExactlyInAnyOrderElementsOf(
            catalogue.all().stream()
                .filter(spec -> spec.target() == Target.WORKER)
                .map(CommandSpec::name)
                .collect(Collectors.toSet()));
    for (CommandSpec spec : catalogue.all()) {
      table
          .find(spec.name())
          .ifPresent(
              entry -> {
                assertThat(entry.inputType()).isEqualTo(spec.inputType());
                assertThat(entry instanceof HandlerTable.Streaming).isEqualTo(spec.persistent());
              });
    }
  }

  /** A card service whose readers are never looked at by this test. */
  private static CardService cardService() {
    SimulatedTerminalsPort port =
        new SimulatedTerminalsPort(() -> InProcessTerminals.create("unused"));
    return new CardService(
        new CardExecutor(),
        port,
        new CardBackends(
            port,
            true,
            Optional.empty(),
            CryptolibLibraries.forThisMachine(),
            new AtrClassifier(),
            Clock.systemUTC()),
        Clock.systemUTC(),
        reason -> {});
  }

  @Test
  void aHandlerMustMatchTheCatalogue() {
    CommandHandler<NoInput> none = (session, input) -> null;

    assertThatThrownBy(
            () ->
                HandlerTable.builder(catalogue)
                    .single("hl_openSession", NoInput.class, (s, i) -> null))
        .hasMessageContaining("MASTER");
    assertThatThrownBy(() -> HandlerTable.builder(catalogue).single("hl_nope", NoInput.class, none))
        .hasMessageContaining("not in the catalogue");
    assertThatThrownBy(
            () -> HandlerTable.builder(catalogue).single("hl_getSessionData", NoInput.class, none))
        .hasMessageContaining("SessionDataIdInput");
    assertThatThrownBy(
            () ->
                HandlerTable.builder(catalogue)
                    .single("hl_startDummyMonitoring", NoInput.class, none))
        .hasMessageContaining("is persistent");
    assertThatThrownBy(
            () ->
                HandlerTable.builder(catalogue)
                    .single("hl_getSessionData", SessionDataIdInput.class, (s, i) -> null)
                    .single("hl_getSessionData", SessionDataIdInput.class, (s, i) -> null))
        .hasMessageContaining("two handlers");
  }
}
