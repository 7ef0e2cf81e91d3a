package org.libreconnect.worker.dmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The one-page PDFs handed to patients (Apache PDFBox): a title and lines of text in Helvetica,
 * made in memory. Characters the standard font cannot show are replaced, never dropped silently.
 */
final class PatientPdfs {
  private PatientPdfs() {}

  /** A PDF of one A4 page with {@code title} and {@code lines}. */
  static byte[] page(String title, List<String> lines) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(title);
      info.setProducer("LibreConnect");
      document.setDocumentInformation(info);
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(bold, 16);
        text.newLineAtOffset(56, 780);
        text.showText(printable(title));
        text.setFont(regular, 11);
        text.setLeading(16);
        text.newLine();
        for (String line : lines) {
          text.newLine();
          text.showText(printable(line));
        }
        text.endText();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code value} with the characters outside Latin-1 (and controls) replaced by '?'. */
  private static String printable(String value) {
    StringBuilder b = new StringBuilder(value.length());
    value.codePoints().forEach(c -> b.append(c >= 0x20 && c <= 0xFF && c != 0x7F ? (char) c : '?'));
    return b.toString();
  }
}
