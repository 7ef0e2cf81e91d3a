package org.libreconnect.protocol;

/** The three values of {@code s_status}; clients treat anything but {@link #OK} as an error. */
public enum Status {
  OK,
  ERROR,
  API_ERROR
}
