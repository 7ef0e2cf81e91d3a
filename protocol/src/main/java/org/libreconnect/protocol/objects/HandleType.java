package org.libreconnect.protocol.objects;

import java.util.Arrays;
import java.util.Optional;

/** The type of an object handle ({@code getHandleType}, {@code type} of a dump), spec 5.6. */
public enum HandleType {
  UNDEFINED(1),
  LIST(2),
  ERROR(3),
  GALSS_RESOURCE(4),
  GALSS(5),
  PCSC_RESOURCE(107),
  PCSC(108),
  VITALE(6),
  VITALE_PATIENT(7),
  TIME_PROVIDER(8),
  HP(9),
  SUBMISSION_SET(10),
  DOCUMENT(11),
  CONNECTION(12),
  DMP_CONNECTOR(13),
  CERTIFICATE(14),
  PRACTICE_LOCATION(15),
  EVENT_CODE(19),
  CPX(16),
  CPX_PKCS_TOKEN(17),
  FILTER(18);

  private final int id;

  HandleType(int id) {
    this.id = id;
  }

  /** The wire value. */
  public int id() {
    return id;
  }

  /** The type with wire value {@code id}. */
  public static Optional<HandleType> of(int id) {
    return Arrays.stream(values()).filter(type -> type.id == id).findFirst();
  }
}
