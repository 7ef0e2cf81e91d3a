package org.libreconnect.protocol.command;

/**
 * One entry of the command catalogue.
 *
 * @param name the wire name, e.g. {@code hl_getSessionData}
 * @param inputType the record the JSON body binds to
 * @param target the process that serves it
 * @param needsSession whether {@code s_sessionId} is required
 * @param persistent whether the socket stays open and receives several frames
 * @param answerBudget how long the JS2 wrapper waits for the answer (for a persistent command:
 *     its acknowledgement), spec 1.5
 */
public record CommandSpec(
    String name,
    Class<? extends Record> inputType,
    Target target,
    boolean needsSession,
    boolean persistent,
    java.time.Duration answerBudget) {

  /** The master's deadline for this command's answer (or acknowledgement). */
  public java.time.Duration masterDeadline() {
    return AnswerBudgets.masterDeadline(answerBudget);
  }
}
