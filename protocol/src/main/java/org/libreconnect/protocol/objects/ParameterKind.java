package org.libreconnect.protocol.objects;

/**
 * How a parameter is read: strings through {@code getObjectParameterString}, integers, booleans,
 * enums and handles through {@code getObjectParameterInt}, floats through {@code
 * getObjectParameterFloat}.
 */
public enum ParameterKind {
  STRING,
  INTEGER,
  BOOLEAN,
  FLOAT,
  HANDLE,
  ENUM;

  /** Whether {@code getObjectParameterInt} reads this kind. */
  public boolean isInteger() {
    return this == INTEGER || this == BOOLEAN || this == HANDLE || this == ENUM;
  }
}
