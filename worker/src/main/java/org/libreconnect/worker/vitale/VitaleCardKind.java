package org.libreconnect.worker.vitale;

/** Whether a Vitale card is a real card or one of the test or demonstration cards. */
public enum VitaleCardKind {
  PRODUCTION,
  TEST,
  DEMO
}
