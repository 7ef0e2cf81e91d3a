package org.libreconnect.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One client command as received: its name, the session it names (null when absent) and the
 * whole JSON object, which the handler binds to its typed input.
 */
public record CommandEnvelope(String commandName, String sessionId, ObjectNode body) {

  public boolean hasSession() {
    return sessionId != null;
  }

  @Override
  public String toString() {
    // Never print the body: it may hold a PIN or a document.
    return "CommandEnvelope[" + commandName + ", session=" + SessionIds.shortForm(sessionId) + "]";
  }
}
