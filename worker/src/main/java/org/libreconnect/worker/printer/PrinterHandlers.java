package org.libreconnect.worker.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.command.PrinterCommands.FlushPrintedDocumentsInput;
import org.libreconnect.protocol.command.PrinterCommands.NextPrintedDocumentAnswer;
import org.libreconnect.protocol.command.PrinterCommands.PrintedDocument;
import org.libreconnect.protocol.command.PrinterCommands.PrintedDocumentsAnswer;
import org.libreconnect.protocol.command.PrinterCommands.PrintedDocumentsCountAnswer;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.TechnicalException;
import org.libreconnect.worker.EventStream;
import org.libreconnect.worker.HandlerTable;

/**
 * The virtual printer commands (spec 2.3) over a {@link PrintSpool}. The monitoring pushes, after
 * each new document, the documents that arrived since its previous frame.
 */
public final class PrinterHandlers {
  /** How often a monitoring stream looks for new documents. */
  public static final Duration MONITORING_PERIOD = Duration.ofSeconds(1);

  private final PrintSpool spool;
  private final Duration period;

  public PrinterHandlers(PrintSpool spool, Duration period) {
    this.spool = spool;
    this.period = period;
  }

  /** Adds the printer commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table
        .streaming("hl_startPrintedDocumentsMonitoring", NoInput.class, (session, input) -> {
          prepare();
          AtomicLong seen = new AtomicLong(latestSequence());
          return new EventStream(period, period, () -> {
            List<PrintedDocument> fresh = new ArrayList<>();
            for (PrintSpool.Document document : spool.documents()) {
              if (document.sequence() > seen.get()) {
                fresh.add(wire(document));
                seen.set(document.sequence());
              }
            }
            return fresh.isEmpty() ? Optional.empty() : Optional.of(new PrintedDocumentsAnswer(fresh));
          });
        })
        .single("hl_getPrintedDocumentsCount", NoInput.class,
            (session, input) -> new PrintedDocumentsCountAnswer(spool.documents().size()))
        .single("hl_getPrintedDocuments", NoInput.class,
            (session, input) -> new PrintedDocumentsAnswer(spool.documents().stream().map(PrinterHandlers::wire).toList()))
        .single("hl_getNextPrintedDocument", NoInput.class, (session, input) -> {
          Optional<PrintSpool.Document> next = spool.takeNext();
          return new NextPrintedDocumentAnswer(next.map(PrinterHandlers::wire).orElse(null), spool.documents().size());
        })
        .single("hl_flushPrintedDocuments", FlushPrintedDocumentsInput.class, (session, input) -> {
          if (input.documentIds() == null || input.documentIds().isNull()) {
            spool.clear();
          } else {
            spool.remove(ids(input.documentIds()));
          }
          return null;
        });
  }

  private void prepare() {
    try {
      spool.prepare();
    } catch (IOException e) {
      throw new TechnicalException("The virtual printer's spool folder could not be created",
          e.getClass().getSimpleName(), e);
    }
  }

  private long latestSequence() {
    List<PrintSpool.Document> documents = spool.documents();
    return documents.isEmpty() ? 0 : documents.get(documents.size() - 1).sequence();
  }

  /** {@code s_documentIds}: an array of strings, or one string of separated ids. */
  static Set<String> ids(JsonNode value) {
    Set<String> ids = new HashSet<>();
    if (value.isTextual()) {
      for (String id : value.asText().split("[,;\\s]+")) {
        if (!id.isEmpty()) {
          ids.add(id);
        }
      }
      return ids;
    }
    if (value.isArray()) {
      for (JsonNode id : value) {
        if (!id.isTextual()) {
          throw new InvalidParameterException("s_documentIds", "must hold document ids (strings)");
        }
        ids.add(id.asText());
      }
      return ids;
    }
    throw new InvalidParameterException("s_documentIds", "must be a list of document ids or a string of ids");
  }

  private static PrintedDocument wire(PrintSpool.Document document) {
    return new PrintedDocument(document.id(), document.content().length, document.fileName(),
        Base64.getEncoder().encodeToString(document.content()));
  }
}
