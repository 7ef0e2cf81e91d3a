package org.libreconnect.worker.handlers;

import java.time.Clock;
import java.util.List;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.LogControl;
import org.libreconnect.worker.card.CardHandlers;
import org.libreconnect.worker.card.CardService;
import org.libreconnect.worker.card.VitaleHandlers;
import org.libreconnect.worker.data.PersistentDataStore;
import org.libreconnect.worker.dmp.DmpHandlers;
import org.libreconnect.worker.insi.InsiHandlers;
import org.libreconnect.worker.objects.ObjectHandlers;
import org.libreconnect.worker.printer.PrinterHandlers;

/** Assembles the handler table of a production worker. */
public final class StandardHandlers {
  private StandardHandlers() {}

  /** Every worker command of {@code catalogue} that this worker serves, with its handler. */
  public static HandlerTable table(
      CommandCatalogue catalogue,
      PersistentDataStore persistentData,
      Clock clock,
      LogControl logs,
      CardService cards,
      DmpHandlers dmp,
      InsiHandlers insi,
      PrinterHandlers printer,
      DebugActions debug) {
    HandlerTable.Builder table = HandlerTable.builder(catalogue);
    new SessionStateHandler(dmp::holdsConnector, insi::holdsConnector).register(table);
    new HousekeepingHandlers(debug).register(table);
    new SessionDataHandlers().register(table);
    new PersistentDataHandlers(persistentData).register(table);
    new DateHandlers(clock).register(table);
    new LogTailHandler(logs).register(table);
    new MonitoringHandlers(MonitoringHandlers.DUMMY_PERIOD).register(table);
    new CardHandlers(cards).register(table);
    new VitaleHandlers(cards.vitale()).register(table);
    dmp.register(table);
    insi.register(table);
    printer.register(table);
    new ObjectHandlers(List.of(dmp.objects())).register(table);
    return table.build();
  }
}
