package org.libreconnect.protocol;

/** Key names of the JS2 envelope that every layer reads. */
public final class Wire {
  public static final String COMMAND_NAME = "s_commandName";
  public static final String SESSION_ID = "s_sessionId";
  public static final String STATUS = "s_status";

  private Wire() {}
}
