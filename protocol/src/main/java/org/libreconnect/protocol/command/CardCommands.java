package org.libreconnect.protocol.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.libreconnect.protocol.Base64Value;
import org.libreconnect.protocol.Required;

/**
 * Inputs, answers and events of the reader and CPx card commands (protocol spec 2.2, 5.1-5.3, 6),
 * with the exact JS2 keys. Records that carry {@code s_pinCode} never print it.
 */
public final class CardCommands {
  private CardCommands() {}

  /** {@code i_accessMode} of every PC/SC reader: ReaderAccessMode AM_FULL_PCSC. */
  public static final int ACCESS_MODE_FULL_PCSC = 1;

  /** {@code s_accessMode} of every PC/SC reader, as seen in the wild. */
  public static final String ACCESS_MODE_FULL_PCSC_LABEL = "Full PC/SC";

  /** {@code i_digestType} for SHA-256, the only digest offered. */
  public static final int DIGEST_SHA_256 = 1;

  /** One entry of {@code Readers[]}. */
  public record Reader(
      @JsonProperty("s_name") String name,
      @JsonProperty("i_slotType") int slotType,
      @JsonProperty("s_slotType") String slotTypeLabel,
      @JsonProperty("i_accessMode") int accessMode,
      @JsonProperty("s_accessMode") String accessModeLabel) {

    /** A PC/SC reader holding {@code slot}. */
    public static Reader pcsc(String name, ReaderSlotType slot) {
      return new Reader(
          name, slot.code(), slot.label(), ACCESS_MODE_FULL_PCSC, ACCESS_MODE_FULL_PCSC_LABEL);
    }
  }

  /** Answer of {@code hl_getPcscReaders}. */
  public record ReadersAnswer(@JsonProperty("Readers") List<Reader> readers) {}

  /**
   * {@code hl_getCpxCard}: the reader by name (PC/SC name; wins when not empty) or by its index in
   * {@code Readers[]}.
   */
  public record GetCpxCardInput(
      @JsonProperty("i_readerNumber") Integer readerNumber,
      @JsonProperty("s_readerName") String readerName) {}

  /** Answer of {@code hl_getCpxStatus}; absent values are left out. */
  public record CpxStatusAnswer(
      @JsonProperty("i_cardStatus") int cardStatus,
      @JsonProperty("i_nbInputLeft") Integer inputsLeft,
      @JsonProperty("s_validityDate") String validityDate,
      @JsonProperty("s_cardId") String cardId) {}

  /** {@code hl_readCpxCard}. */
  public record ReadCpxCardInput(
      @Required @JsonProperty("s_pinCode") String pinCode,
      @JsonProperty("i_returnCertificates") Integer returnCertificates) {

    /** Whether the certificates are wanted: the wrapper always sends 1; absent means yes. */
    public boolean wantsCertificates() {
      return returnCertificates == null || returnCertificates != 0;
    }

    @Override
    public String toString() {
      return "ReadCpxCardInput[pinCode=***, returnCertificates=" + returnCertificates + "]";
    }
  }

  /** One entry of {@code PracticeLocations[]}. */
  public record PracticeLocation(
      @JsonProperty("s_practiceLocationName") String name,
      @JsonProperty("s_practiceLocationActivity") String activity,
      @JsonProperty("s_practiceLocationHealthcareSettings") String healthcareSettings) {}

  /** Answer of {@code hl_readCpxCard}; absent values are left out. */
  public record CpxCardAnswer(
      @JsonProperty("s_name") String name,
      @JsonProperty("s_given") String given,
      @JsonProperty("s_internalId") String internalId,
      @JsonProperty("i_internalIdType") int internalIdType,
      @JsonProperty("s_profession") String profession,
      @JsonProperty("s_professionOid") String professionOid,
      @JsonProperty("s_professionDescription") String professionDescription,
      @JsonProperty("s_speciality") String speciality,
      @JsonProperty("s_specialityDescription") String specialityDescription,
      @JsonProperty("i_remainingPinCodeInputs") Integer remainingPinCodeInputs,
      @JsonProperty("PracticeLocations") List<PracticeLocation> practiceLocations,
      @JsonProperty("s_cpxSerialNumber") String cpxSerialNumber,
      @JsonProperty("s_cpxValidityDate") String cpxValidityDate,
      @JsonProperty("i_cpxCardType") int cpxCardType,
      @JsonProperty("s_signatureCertificatePEM") String signatureCertificatePem,
      @JsonProperty("s_authenticationCertificatePEM") String authenticationCertificatePem) {}

  /**
   * {@code hl_signWithCpxCard}: the data as a string ({@code s_stringToSign}, signed as UTF-8) or
   * as base64 ({@code s_dataToSignInBase64}); one of them is needed.
   */
  public record SignWithCpxCardInput(
      @Required @JsonProperty("s_pinCode") String pinCode,
      @JsonProperty("s_stringToSign") String stringToSign,
      @Base64Value @JsonProperty("s_dataToSignInBase64") String dataToSignInBase64,
      @JsonProperty("i_digestType") Integer digestType) {

    @Override
    public String toString() {
      return "SignWithCpxCardInput[pinCode=***, digestType=" + digestType + "]";
    }
  }

  /** Answer of {@code hl_signWithCpxCard}. */
  public record SignatureAnswer(
      @JsonProperty("s_signature") String signature,
      @JsonProperty("s_signatureCertificate") String signatureCertificate,
      @JsonProperty("s_digest") String digest) {}

  /**
   * {@code hl_startCpxCardMonitoring}. The interval is accepted and ignored: events follow PC/SC
   * change notifications.
   */
  public record CpxCardMonitoringInput(@JsonProperty("i_checkingInterval") Integer checkingInterval) {}

  /** A frame pushed by {@code hl_startCpxCardMonitoring}. */
  public record CardStatusEvent(
      @JsonProperty("i_cardStatus") int cardStatus, @JsonProperty("s_cardStatus") String name) {

    public static CardStatusEvent of(CpxCardStatus status) {
      return new CardStatusEvent(status.code(), status.name());
    }
  }
}
