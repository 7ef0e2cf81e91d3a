package org.libreconnect.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.libreconnect.protocol.SessionIds;
import org.libreconnect.testsupport.ConnectorProcess;
import org.libreconnect.testsupport.Js2Client;

/** A started master and a client for it. */
final class ConnectorFixture implements AutoCloseable {
  static final String APP_ORIGIN = "https://app.example.test";
  static final String WILDCARD_PATTERN = "https://*.example.org";

  final ConnectorProcess connector;
  final Js2Client client;

  ConnectorFixture(Path home, int prestartedWorkers) throws Exception {
    this(home, ConnectorProcess.config(prestartedWorkers, APP_ORIGIN, WILDCARD_PATTERN));
  }

  /** A master started with {@code configXml}, which must allow {@link #APP_ORIGIN}. */
  ConnectorFixture(Path home, String configXml) throws Exception {
    this(ConnectorProcess.start(home, configXml));
  }

  /** A client for {@code connector}, already started. */
  ConnectorFixture(ConnectorProcess connector) throws Exception {
    this.connector = connector;
    client = new Js2Client(connector.caCertificate(), connector.port());
  }

  JsonNode call(String json) throws Exception {
    return client.call(APP_ORIGIN, json);
  }

  String openSession(String applicationId) throws Exception {
    String app = applicationId == null ? "" : ",\"s_applicationId\":\"" + applicationId + "\"";
    JsonNode answer = call("{\"s_commandName\":\"hl_openSession\",\"i_timeoutInSeconds\":3600" + app + "}");
    if (!"OK".equals(answer.path("s_status").asText())) {
      throw new AssertionError("hl_openSession failed: " + answer);
    }
    return answer.path("s_sessionId").asText();
  }

  JsonNode status() throws Exception {
    return client.mapper().readTree(client.get("/status.json", null).body());
  }

  long workerPidOf(String sessionId) throws Exception {
    for (JsonNode session : status().path("sessions")) {
      if (session.path("id").asText().equals(SessionIds.shortForm(sessionId))) {
        return session.path("workerPid").asLong();
      }
    }
    throw new AssertionError("no session " + sessionId + " on the status page");
  }

  @Override
  public void close() throws Exception {
    connector.close();
  }
}
