package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.libreconnect.simulator.dmp.DmpSimulator;
import org.libreconnect.simulator.dmp.check.RequestJournal;
import org.libreconnect.simulator.dmp.soap.Transaction;

/**
 * The end-to-end DMP path of the issue, written once and run over any JS2 session whose DMP
 * connector is created: TD0.2 on an existing, a closed and an absent DMP; TD0.3 adding an
 * authorisation and TD0.2 seeing it; then a PDF sent (TD2.1), found (TD3.1), read back byte for
 * byte (TD3.2), hidden from the patient and deleted (TD3.3). Every answer is checked.
 *
 * <p>The patients come from the DMP simulator's shipped seed (docs/dmp-simulator.md, "The seed
 * file") as seen by the test doctor {@code 899900063480}. Only the authorisation on {@link
 * #UNAUTHORISED} and the document sent here change the store, so the scenario runs once per
 * simulator; each IT starts its own.
 */
final class DmpScenario {
  /** Existing DMP, test doctor VALIDE, web account open, INS-C known. */
  static final String EXISTING = DmpStack.INS;
  /** Closed DMP; the seed holds a VALIDE authorisation with the treating-physician role. */
  static final String CLOSED = "292013155511123";
  /** No DMP: the simulator answers {@code queryResponseCode NF}. */
  static final String ABSENT = "168056912398752";
  /** Existing DMP on which the test doctor has no authorisation (NON_EXISTE). */
  static final String UNAUTHORISED = "185077512345608";

  /** JS2 DMPStatus. */
  static final int DMP_EXISTS = 1;
  static final int DMP_CLOSED = 2;
  static final int DMP_NOT_FOUND = 3;
  /** JS2 UserAuthorizationStatus. */
  static final int AUTHORIZATION_ERROR = 1;
  static final int AUTHORIZATION_EXISTS = 2;
  static final int NO_AUTHORIZATION = 5;

  /** Sends one JS2 command (a JSON object without {@code s_sessionId}) in the session, returns the answer. */
  @FunctionalInterface
  interface Commands {
    JsonNode call(String command) throws Exception;
  }

  private final Commands session;
  private final ObjectMapper mapper = new ObjectMapper();

  private DmpScenario(Commands session) {
    this.session = session;
  }

  /**
   * Runs the whole path in {@code session}, whose DMP connector is already created and talks to
   * {@code dmp}; then checks every request the connector sent against the official schemas and
   * the CDA rules (the simulator's journal), which must find nothing.
   */
  static void run(Commands session, DmpSimulator dmp) throws Exception {
    dmp.dispatcher().journal().clear();
    DmpScenario scenario = new DmpScenario(session);
    scenario.statusOfExistingClosedAndAbsentDmps();
    scenario.addingAnAuthorisationShowsInTheStatus();
    new DmpDocumentLifecycle(scenario).run(EXISTING);
    List<RequestJournal.Entry> sent = dmp.dispatcher().journal().entries();
    assertThat(sent.stream().map(RequestJournal.Entry::transaction).distinct())
        .contains(Transaction.TD0_2, Transaction.TD0_3, Transaction.TD1_3A, Transaction.TD2_1,
            Transaction.TD3_1, Transaction.TD3_2, Transaction.TD3_3);
    assertThat(sent.stream().filter(entry -> entry.transaction() == Transaction.TD2_1)
        .flatMap(entry -> entry.documents().stream())).isNotEmpty();
    assertThat(dmp.dispatcher().journal().nonConformities()).isEmpty();
  }

  private void statusOfExistingClosedAndAbsentDmps() throws Exception {
    JsonNode existing = status(EXISTING);
    assertThat(existing.at("/ExistingTestAnswer/i_dmpStatus").asInt()).as(existing.toString()).isEqualTo(DMP_EXISTS);
    assertThat(existing.at("/ExistingTestAnswer/i_userAuthorization").asInt()).isEqualTo(AUTHORIZATION_EXISTS);
    assertThat(existing.at("/ExistingTestAnswer/i_sex").asInt()).isEqualTo(3);
    assertThat(existing.at("/ExistingTestAnswer/i_webAccessIsOpen").asInt()).isEqualTo(1);
    assertThat(existing.path("i_treatingPhysician").asInt()).isZero();
    assertThat(existing.at("/ExistingTestAnswer/AdminData/Ins/s_ins").asText()).isEqualTo(EXISTING);
    assertThat(existing.at("/ExistingTestAnswer/AdminData/s_insC").asText()).isEqualTo("2790351215189890000011");
    assertThat(existing.at("/ExistingTestAnswer/AdminData/s_patientName").asText()).isEqualTo("MARTIN-ESSAI");
    assertThat(existing.at("/ExistingTestAnswer/AdminData/s_patientGivenName").asText()).isEqualTo("ALICE");
    assertThat(existing.at("/ExistingTestAnswer/AdminData/s_birthday").asText()).isEqualTo("19790315");

    JsonNode closed = status(CLOSED);
    assertThat(closed.at("/ExistingTestAnswer/i_dmpStatus").asInt()).as(closed.toString()).isEqualTo(DMP_CLOSED);
    assertThat(closed.at("/ExistingTestAnswer/i_userAuthorization").asInt()).isEqualTo(AUTHORIZATION_ERROR);
    assertThat(closed.path("i_treatingPhysician").asInt()).isEqualTo(1);
    assertThat(closed.at("/ExistingTestAnswer/AdminData/s_patientName").asText()).isEqualTo("ROUX-ESSAI");

    JsonNode absent = status(ABSENT);
    assertThat(absent.at("/ExistingTestAnswer/i_dmpStatus").asInt()).as(absent.toString()).isEqualTo(DMP_NOT_FOUND);
    assertThat(absent.at("/ExistingTestAnswer/i_userAuthorization").asInt()).isEqualTo(AUTHORIZATION_ERROR);
    assertThat(absent.path("i_treatingPhysician").asInt()).isZero();
    assertThat(absent.at("/ExistingTestAnswer/AdminData/Ins/s_ins").asText()).isEqualTo(ABSENT);
    assertThat(absent.at("/ExistingTestAnswer/AdminData/s_patientName").asText()).isEmpty();
  }

  private void addingAnAuthorisationShowsInTheStatus() throws Exception {
    JsonNode before = status(UNAUTHORISED);
    assertThat(before.at("/ExistingTestAnswer/i_dmpStatus").asInt()).as(before.toString()).isEqualTo(DMP_EXISTS);
    assertThat(before.at("/ExistingTestAnswer/i_userAuthorization").asInt()).isEqualTo(NO_AUTHORIZATION);

    ObjectNode add = command("hl_updateUserDmpAccessAuthorization", UNAUTHORISED);
    add.put("i_action", 1);
    ok(add);

    JsonNode after = status(UNAUTHORISED);
    assertThat(after.at("/ExistingTestAnswer/i_userAuthorization").asInt()).as(after.toString())
        .isEqualTo(AUTHORIZATION_EXISTS);
    assertThat(after.path("i_treatingPhysician").asInt()).isZero();
  }

  /** hl_getDirectAuthenticationDMPStatus (TD0.2) about {@code ins}, checked OK. */
  JsonNode status(String ins) throws Exception {
    return ok(command("hl_getDirectAuthenticationDMPStatus", ins));
  }

  /** A new command named {@code name}. */
  ObjectNode command(String name) {
    return mapper.createObjectNode().put("s_commandName", name);
  }

  /** A new command named {@code name} about the patient {@code ins}. */
  ObjectNode command(String name, String ins) {
    return command(name).put("s_ins", ins);
  }

  /** Sends {@code command} and returns its answer, unchecked. */
  JsonNode call(ObjectNode command) throws Exception {
    return session.call(command.toString());
  }

  /** Sends {@code command} and checks that it answers OK. */
  JsonNode ok(ObjectNode command) throws Exception {
    JsonNode answer = call(command);
    assertThat(answer.path("s_status").asText())
        .as(command.path("s_commandName").asText() + ": " + answer)
        .isEqualTo("OK");
    return answer;
  }

  /** A small PDF, distinct per run so that a stale copy cannot pass for it. */
  static byte[] pdf() {
    return ("%PDF-1.4\n% LibreConnect DMP scenario " + System.nanoTime() + "\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] decoded(JsonNode answer, String key) {
    return Base64.getDecoder().decode(answer.path(key).asText());
  }
}
