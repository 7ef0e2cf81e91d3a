package org.libreconnect.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.command.CardCommands.CardStatusEvent;
import org.libreconnect.protocol.command.CardCommands.CpxStatusAnswer;
import org.libreconnect.protocol.command.CardCommands.GetCpxCardInput;
import org.libreconnect.protocol.command.CardCommands.ReadCpxCardInput;
import org.libreconnect.protocol.command.CardCommands.Reader;
import org.libreconnect.protocol.command.CardCommands.ReadersAnswer;
import org.libreconnect.protocol.command.CardCommands.SignWithCpxCardInput;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.command.CommandSpec;
import org.libreconnect.protocol.command.CpxCardStatus;
import org.libreconnect.protocol.command.ReaderSlotType;
import org.libreconnect.protocol.error.CardErrorKinds;
import org.libreconnect.protocol.error.ErrorAnswer;
import org.libreconnect.protocol.error.ErrorKind;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.MissingParameterException;

class CardCommandsTest {
  private final WireJson json = new WireJson();

  @Test
  void readersUseTheJs2KeysAndLabels() {
    String answer =
        json.ok(new ReadersAnswer(List.of(Reader.pcsc("ACME Reader 0", ReaderSlotType.CPS_CARD))));
    assertThat(answer)
        .isEqualTo(
            "{\"s_status\":\"OK\",\"Readers\":[{\"s_name\":\"ACME Reader 0\",\"i_slotType\":3,"
                + "\"s_slotType\":\"CPS card\",\"i_accessMode\":1,\"s_accessMode\":\"Full PC/SC\"}]}");
  }

  @Test
  void readerNumberMayComeAsAString() {
    GetCpxCardInput input =
        json.readInput(
            json.readObject("{\"i_readerNumber\":\"1\",\"s_readerName\":\"\"}"), GetCpxCardInput.class);
    assertThat(input.readerNumber()).isEqualTo(1);
    assertThat(input.readerName()).isEmpty();
  }

  @Test
  void pinRecordsNeverPrintThePin() {
    ReadCpxCardInput read =
        json.readInput(json.readObject("{\"s_pinCode\":\"9876\"}"), ReadCpxCardInput.class);
    SignWithCpxCardInput sign =
        json.readInput(
            json.readObject("{\"s_pinCode\":\"9876\",\"s_stringToSign\":\"x\"}"),
            SignWithCpxCardInput.class);
    assertThat(read.pinCode()).isEqualTo("9876");
    assertThat(read.wantsCertificates()).isTrue();
    assertThat(read.toString()).doesNotContain("9876");
    assertThat(sign.toString()).doesNotContain("9876");
  }

  @Test
  void pinIsRequiredAndBase64IsChecked() {
    assertThatThrownBy(
            () -> json.readInput(json.readObject("{\"s_pinCode\":\"\"}"), ReadCpxCardInput.class))
        .isInstanceOf(MissingParameterException.class)
        .hasMessageContaining("s_pinCode");
    assertThatThrownBy(
            () ->
                json.readInput(
                    json.readObject("{\"s_pinCode\":\"1234\",\"s_dataToSignInBase64\":\"%%\"}"),
                    SignWithCpxCardInput.class))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("s_dataToSignInBase64");
  }

  @Test
  void statusAnswerLeavesOutWhatIsUnknown() {
    assertThat(json.ok(new CpxStatusAnswer(2, null, null, null)))
        .isEqualTo("{\"s_status\":\"OK\",\"i_cardStatus\":2}");
    assertThat(json.ok(CardStatusEvent.of(CpxCardStatus.CpxReaderError)))
        .isEqualTo("{\"s_status\":\"OK\",\"i_cardStatus\":7,\"s_cardStatus\":\"CpxReaderError\"}");
  }

  @Test
  void cardErrorsAreApiErrorsOfType1() {
    ErrorKind wrongPin = CardErrorKinds.PIN_INCORRECT;
    ErrorAnswer answer = ErrorAnswer.of(wrongPin, "Wrong PIN", "hl_readCpxCard", "2 tries left");
    assertThat(answer.status()).isEqualTo(Status.API_ERROR);
    assertThat(answer.apiErrorType()).isEqualTo(1);
    assertThat(answer.apiErrorCode()).isEqualTo(7);
    assertThat(answer.apiErrorExtendedInformations()).isEqualTo("2 tries left");
  }

  @Test
  void cardMonitoringIsPersistent() {
    CommandCatalogue catalogue = CommandCatalogue.standard();
    assertThat(catalogue.find("hl_startCpxCardMonitoring")).get().matches(CommandSpec::persistent);
    assertThat(catalogue.find("hl_readCpxCard")).get().matches(spec -> !spec.persistent());
  }

  @Test
  void vitaleCommandsAreListedWithTheWrappersBudgets() {
    CommandCatalogue catalogue = CommandCatalogue.standard();
    assertThat(catalogue.find("hl_startVitaleCardMonitoring")).get().matches(CommandSpec::persistent);
    assertThat(catalogue.find("hl_getVitaleCard").orElseThrow().answerBudget())
        .isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(catalogue.find("hl_readVitaleCard").orElseThrow().answerBudget())
        .isEqualTo(java.time.Duration.ofSeconds(20));
  }

  @Test
  void vitaleEventsCarryContentOnlyWhenACardWasRead() throws Exception {
    var mapper = new org.libreconnect.protocol.WireJson().mapper();
    var missing = org.libreconnect.protocol.command.VitaleCommands.VitaleMonitoringEvent.of(
        org.libreconnect.protocol.command.VitaleMonitoringStatus.CardMissing);
    assertThat(mapper.writeValueAsString(missing)).isEqualTo("{\"i_cardStatus\":4,\"s_cardStatus\":\"CardMissing\"}");
    var content = org.libreconnect.protocol.command.VitaleCommands.VitaleCardAnswer.of(
        org.libreconnect.protocol.command.VitaleStatus.ProdCard, java.util.List.of());
    var found = org.libreconnect.protocol.command.VitaleCommands.VitaleMonitoringEvent.found(content);
    assertThat(mapper.writeValueAsString(found))
        .isEqualTo("{\"i_cardStatus\":2,\"s_cardStatus\":\"NewCardFound\",\"i_isDemoCard\":0,"
            + "\"VitaleContent\":{\"Patients\":[],\"i_cardStatus\":3,"
            + "\"s_cardStatusText\":\"Card found. Production card.\"}}");
  }
}
