package org.libreconnect.protocol.command;

/** Which process serves a command. */
public enum Target {
  /** Served by the master itself (sessions, master logs). */
  MASTER,
  /** Forwarded to the worker process that holds the session. */
  WORKER
}
