package org.libreconnect.worker.dmp;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.DocumentHandles;
import org.libreconnect.dmp.PatientIds;
import org.libreconnect.dmp.errors.DmpRefusedException;
import org.libreconnect.dmp.tx.DocumentSubmission;
import org.libreconnect.dmp.tx.DocumentUpdate;
import org.libreconnect.dmp.tx.PatientRecord;
import org.libreconnect.dmp.tx.PatientRecords;
import org.libreconnect.dmp.tx.PatientSearch;
import org.libreconnect.dmp.tx.PatientTransactions;
import org.libreconnect.protocol.command.DmpCommands.AdministrativeDataAnswer;
import org.libreconnect.protocol.command.DmpCommands.CivilStatus;
import org.libreconnect.protocol.command.DmpRecordCommands.AcknowledgementPdfInput;
import org.libreconnect.protocol.command.DmpRecordCommands.CertifiedIdentityInput;
import org.libreconnect.protocol.command.DmpRecordCommands.CloseDmpInput;
import org.libreconnect.protocol.command.DmpRecordCommands.DmpAdministrativeDataInput;
import org.libreconnect.protocol.command.DmpRecordCommands.DmpParametersAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.FindPatientsInput;
import org.libreconnect.protocol.command.DmpRecordCommands.InsNirFromInsCInput;
import org.libreconnect.protocol.command.DmpRecordCommands.MajorityAgeAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.OtpChannelValueInput;
import org.libreconnect.protocol.command.DmpRecordCommands.PatientWebAccessPdfInput;
import org.libreconnect.protocol.command.DmpRecordCommands.PdfAnswer;
import org.libreconnect.protocol.command.DmpRecordCommands.ReactivateDmpInput;
import org.libreconnect.protocol.command.DmpRecordCommands.SendDocumentsInput;
import org.libreconnect.protocol.command.DmpRecordCommands.UpdateStatusInput;
import org.libreconnect.protocol.command.DmpRecordCommands.UpdateVisibilityInput;
import org.libreconnect.protocol.command.DmpRecordCommands.WebPsRootUrlInput;
import org.libreconnect.protocol.command.NoInput;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.worker.HandlerTable;

/**
 * The DMP commands of {@code DmpRecordCommands}: the search without INS (TD0.5), the record's life
 * cycle (TD1.1 to TD1.4), several documents at once, document updates by handle, the patient's
 * PDFs and the connector's settings.
 * They use the session's connector held by {@link DmpHandlers}.
 */
final class DmpRecordHandlers {
  /** Civil majority in France (Code civil art. 414), as the DMP applies it to minors' records. */
  static final int MAJORITY_AGE = PatientRecords.MAJORITY_AGE;
  private static final String MES = "https://www.monespacesante.fr";

  private final DmpHandlers dmp;

  DmpRecordHandlers(DmpHandlers dmp) {
    this.dmp = dmp;
  }

  void register(HandlerTable.Builder table) {
    table
        .single("hl_getCertifiedIdentity", CertifiedIdentityInput.class, (s, in) -> {
          dmp.connector(s);
          throw new DmpRefusedException(DmpRefusedException.Source.STATUS, "DMPServiceClosed",
              "Le service d'acquisition de l'identité certifiée (TD0.0, INS-C) est fermé depuis le 30/09/2023");
        })
        .single("hl_getInsNirFromInsC", InsNirFromInsCInput.class, (s, in) -> {
          dmp.connector(s);
          if (!in.insC().strip().matches("\\d{22}")) {
            throw new InvalidParameterException("s_insC", "must be an INS-C of 22 digits");
          }
          throw new DmpRefusedException(DmpRefusedException.Source.STATUS, "DMPServiceClosed",
              "L'INS-C n'est plus accepté depuis le 30/09/2023 : utilisez l'INS (matricule INS) du téléservice INSi");
        })
        .single("hl_findPatients", FindPatientsInput.class,
            (s, in) -> PatientSearch.find(dmp.connector(s), in))
        .single("hl_setWebPsRootUrl", WebPsRootUrlInput.class, (s, in) -> {
          String url = in.url() == null ? "" : in.url().strip();
          if (!url.isEmpty() && !isHttpUrl(url)) {
            throw new InvalidParameterException("s_url", "must be an http(s) URL or empty");
          }
          dmp.connector(s).setWebPsRootUrl(url);
          return null;
        })
        .single("hl_createDmp", DmpAdministrativeDataInput.class, (s, in) -> {
          PatientRecords.create(dmp.connector(s), PatientRecord.of(in.data()));
          return null;
        })
        .single("hl_createDmpAndOtp", DmpAdministrativeDataInput.class, (s, in) -> {
          PatientRecord record = PatientRecord.of(in.data());
          PatientRecords.create(dmp.connector(s), record);
          return pdf(PatientPdfs.page("Création de votre dossier médical partagé", List.of(
              "Patient : " + record.given() + " " + record.name(),
              "Votre dossier médical partagé (DMP) a été créé ce jour par votre professionnel de santé.",
              "Vous pouvez le consulter et le gérer dans Mon espace santé : " + MES,
              "Les codes d'accès à usage unique sont envoyés par Mon espace santé, à l'adresse ou au",
              "numéro de téléphone mobile que vous y avez déclarés.")));
        })
        .single("hl_reactivateDmp", ReactivateDmpInput.class, (s, in) -> {
          PatientRecords.reactivate(dmp.connector(s), PatientRecord.of(in));
          return null;
        })
        .single("hl_updateDmpAdministrativeData", DmpAdministrativeDataInput.class, (s, in) -> {
          PatientRecords.update(dmp.connector(s), PatientRecord.of(in.data()));
          return null;
        })
        .single("hl_closeDmp", CloseDmpInput.class, (s, in) -> {
          PatientRecords.close(dmp.connector(s), PatientIds.checkIns("s_ins", in.ins()), in.reason(), in.name(),
              in.given());
          return null;
        })
        .single("hl_sendDocuments", SendDocumentsInput.class,
            (s, in) -> DocumentSubmission.sendDocuments(dmp.connector(s), in))
        .single("hl_updateDocumentVisibility", UpdateVisibilityInput.class, (s, in) -> {
          DmpConnector connector = dmp.connector(s);
          DocumentHandles.Entry entry = connector.handles().get(in.document());
          DocumentUpdate.visibility(connector, entry.ins(), entry.uniqueId(), in.newVisibility());
          return null;
        })
        .single("hl_updateDocumentStatus", UpdateStatusInput.class, (s, in) -> {
          DmpConnector connector = dmp.connector(s);
          DocumentHandles.Entry entry = connector.handles().get(in.document());
          DocumentUpdate.toggleArchive(connector, entry.ins(), entry.uniqueId());
          return null;
        })
        .single("hl_getOtpChannelValue", OtpChannelValueInput.class,
            (s, in) -> PatientTransactions.otpChannelValue(dmp.connector(s), in))
        .single("hl_getPatientWebAccessPdf", PatientWebAccessPdfInput.class, (s, in) -> {
          if (!nz(in.otpPhone()).isBlank() || !nz(in.otpEmail()).isBlank()) {
            throw new InvalidParameterException("s_otpPhone",
                "the patient's access channels are managed in Mon espace santé (TD1.5 was withdrawn)");
          }
          AdministrativeDataAnswer data = PatientTransactions.administrativeData(dmp.connector(s),
              PatientIds.checkIns("s_ins", in.ins()));
          CivilStatus civil = data.patientData().extendedCivilStatus().civilStatus();
          return pdf(PatientPdfs.page("Accès à votre dossier médical partagé", List.of(
              "Patient : " + nz(civil.given()) + " " + nz(civil.name()),
              "Votre DMP est accessible dans Mon espace santé : " + MES,
              "Activez votre profil avec le code reçu ou avec FranceConnect, puis ouvrez la rubrique Documents.")));
        })
        .single("hl_createAcknowledgementPdf", AcknowledgementPdfInput.class, (s, in) -> {
          dmp.connector(s);
          PatientIds.checkIns("s_ins", in.ins());
          CivilStatus civil = in.civilStatus();
          if (civil == null || nz(civil.name()).isBlank()) {
            throw new InvalidParameterException("CivilStatus", "s_name is required");
          }
          return pdf(PatientPdfs.page("Accusé de réception - dossier médical partagé", List.of(
              "Patient : " + (civil.gender() == 3 ? "Mme " : civil.gender() == 2 ? "M. " : "")
                  + nz(civil.given()) + " " + civil.name(),
              "Le patient a été informé de la création et du fonctionnement de son DMP,",
              "de ses droits d'accès, de rectification et d'opposition,",
              "et de la consultation possible de son dossier dans Mon espace santé : " + MES)));
        })
        .single("hl_getMajorityAge", NoInput.class, (s, in) -> {
          dmp.connector(s);
          return new MajorityAgeAnswer(MAJORITY_AGE);
        })
        .single("hl_getDmpParameters", NoInput.class, (s, in) -> {
          DmpConnector c = dmp.connector(s);
          return new DmpParametersAnswer(c.urls().toString(), c.urls().environment().name(), c.webPsRootUrl(),
              c.practiceSetting(), c.accessMode().ordinal() + 1, c.secretConnection() ? 1 : 0, MAJORITY_AGE,
              c.software().instanceId());
        });
  }

  /** The Web-PS links of TD0.9 under the root set by {@code hl_setWebPsRootUrl}, when there is one. */
  List<String> webPsUrls(DmpConnector connector, List<String> urls) {
    String root = connector.webPsRootUrl();
    if (root.isEmpty()) {
      return urls;
    }
    String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    return urls.stream().map(url -> {
      int at = url.indexOf("/AccesDirect/");
      return at < 0 ? url : base + url.substring(at);
    }).toList();
  }

  private static PdfAnswer pdf(byte[] content) {
    return new PdfAnswer(Base64.getEncoder().encodeToString(content), "");
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
