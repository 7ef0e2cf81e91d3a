package org.libreconnect.worker.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The patient's PDFs are real PDFs: PDFBox reads them back, with their text and title. */
class PatientPdfsTest {
  @Test
  void aPageIsReadBackWithItsTitleAndLines() throws Exception {
    byte[] pdf = PatientPdfs.page("Accusé de réception", List.of("Patient : LÉO BERNARD-ESSAI",
        "Mon espace santé"));

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Accusé de réception");
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Accusé de réception").contains("Patient : LÉO BERNARD-ESSAI")
          .contains("Mon espace santé");
    }
  }

  @Test
  void charactersTheFontCannotShowAreReplacedNotFatal() throws Exception {
    byte[] pdf = PatientPdfs.page("Titre", List.of("emoji \uD83D\uDE00 et tab\tici"));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("emoji ? et tab?ici");
    }
  }
}
