package org.libreconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.libreconnect.simulator.dmp.DmpSimulator;
import org.libreconnect.simulator.dmp.DmpSimulatorConfig;
import org.libreconnect.simulator.pki.SimulationMaterial;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.Js2Client;

/**
 * The DMP end-to-end set-up: a connector in simulation mode (its workers hold the installation's
 * simulated card) and a DMP simulator started here, over real mutual TLS, with the same
 * installation PKI so that each side trusts the other.
 */
final class DmpStack implements AutoCloseable {
  static final String ORIGIN = "https://app.example.test";
  static final String PIN = "1234";
  static final String INS = "279035121518989";

  final Path home;
  final SimulationMaterial material;
  final DmpSimulator simulator;
  final ConnectorProcess connector;
  final Js2Client client;

  /** {@code extraConfig} is XML inserted in the configuration's root element. */
  DmpStack(Path home, String extraConfig) throws Exception {
    this.home = home;
    material = SimulationMaterial.loadOrCreate(home.resolve("data").resolve("simulation"), Clock.systemUTC());
    simulator = DmpSimulator.start(DmpSimulatorConfig.defaults(material.pki()));
    String config = ConnectorProcess.config(1, ORIGIN).replace("</libreconnect>", extraConfig + "</libreconnect>");
    Files.createDirectories(home);
    connector = ConnectorProcess.start(home, config);
    client = new Js2Client(connector.caCertificate(), connector.port());
  }

  /** A session whose card is selected, ready for hl_createDmpConnector. */
  Session session(String applicationId) throws Exception {
    JsonNode opened = client.call(ORIGIN, "{\"s_commandName\":\"hl_openSession\",\"i_timeoutInSeconds\":3600,"
        + "\"s_applicationId\":\"" + applicationId + "\"}");
    assertThat(opened.path("s_status").asText()).as(opened.toString()).isEqualTo("OK");
    Session session = new Session(opened.path("s_sessionId").asText());
    session.ok("{\"s_commandName\":\"hl_getCpxCard\",\"i_readerNumber\":0}");
    return session;
  }

  /** One JS2 session: a new socket per command, as pages do. */
  final class Session {
    final String id;

    Session(String id) {
      this.id = id;
    }

    JsonNode call(String json) throws Exception {
      ObjectNode body = (ObjectNode) client.mapper().readTree(json);
      body.put("s_sessionId", id);
      return client.call(ORIGIN, body.toString());
    }

    JsonNode call(ObjectNode body) throws Exception {
      body.put("s_sessionId", id);
      return client.call(ORIGIN, body.toString());
    }

    JsonNode ok(String json) throws Exception {
      JsonNode answer = call(json);
      assertThat(answer.path("s_status").asText()).as(answer.toString()).isEqualTo("OK");
      return answer;
    }

    /** hl_createDmpConnector against the simulator's test listener, with changes to the command. */
    JsonNode createConnector(UnaryOperator<ObjectNode> changes) throws Exception {
      ObjectNode command = client.mapper().createObjectNode();
      command.put("s_commandName", "hl_createDmpConnector");
      command.put("s_pinCode", PIN);
      command.put("s_dmpUrl", simulator.baseUrl().toString());
      command.put("i_transactionsTimeout", 20);
      command.put("s_practiceSetting", "AMBULATOIRE");
      command.put("i_cpsPracticeLocationIndice", 0);
      return call(changes.apply(command));
    }

    JsonNode status(String ins) throws Exception {
      return call("{\"s_commandName\":\"hl_getDirectAuthenticationDMPStatus\",\"s_ins\":\"" + ins + "\"}");
    }
  }

  @Override
  public void close() throws Exception {
    try {
      connector.close();
    } finally {
      simulator.close();
    }
  }
}
