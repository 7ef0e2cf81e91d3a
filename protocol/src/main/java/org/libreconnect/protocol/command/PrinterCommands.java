package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The virtual printer commands (protocol spec 2.3): documents printed to the connector's printer
 * queue, kept by the worker until flushed. Inputs, answers and catalogue entries.
 */
public final class PrinterCommands {
  private PrinterCommands() {}

  /** Adds this group's commands to {@code catalogue}. */
  static void addTo(CommandCatalogue.Builder catalogue) {
    catalogue.persistent("hl_startPrintedDocumentsMonitoring", NoInput.class);
    catalogue.worker("hl_flushPrintedDocuments", FlushPrintedDocumentsInput.class);
    catalogue.worker("hl_getPrintedDocumentsCount", NoInput.class);
    catalogue.worker("hl_getPrintedDocuments", NoInput.class);
    catalogue.worker("hl_getNextPrintedDocument", NoInput.class);
  }

  /**
   * {@code hl_flushPrintedDocuments}: {@code s_documentIds}, the ids to remove, as an array of
   * strings or one string of ids separated by commas, semicolons or spaces; absent removes all.
   */
  public record FlushPrintedDocumentsInput(@JsonProperty("s_documentIds") JsonNode documentIds) {}

  /** One printed document. */
  public record PrintedDocument(
      @JsonProperty("s_id") String id,
      @JsonProperty("i_fileSize") int fileSize,
      @JsonProperty("s_fileName") String fileName,
      @JsonProperty("s_contentInBase64") String contentInBase64) {

    @Override
    public String toString() {
      return "PrintedDocument[" + id + ", " + fileSize + " bytes]";
    }
  }

  /** Answer of {@code hl_getPrintedDocuments}, and each event of the monitoring. */
  public record PrintedDocumentsAnswer(
      @JsonProperty("VirtualPrinterDocuments") List<PrintedDocument> documents) {}

  /** Answer of {@code hl_getPrintedDocumentsCount}. */
  public record PrintedDocumentsCountAnswer(@JsonProperty("i_count") int count) {}

  /**
   * Answer of {@code hl_getNextPrintedDocument}: the oldest document, removed from the printer's
   * list ({@code PrintedDocument} absent when there is none), and how many remain.
   */
  public record NextPrintedDocumentAnswer(
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("PrintedDocument")
          PrintedDocument document,
      @JsonProperty("i_remainingDocumentCount") int remainingDocumentCount) {}
}
