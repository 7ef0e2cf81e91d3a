package org.libreconnect.pkcs11.direct;

import java.util.Locale;
import java.util.Map;

/** The names of the PKCS#11 return values this code can meet, for messages. */
final class ReturnValues {
  static final long CKR_OK = 0x0;
  static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
  static final long CKR_BUFFER_TOO_SMALL = 0x150;
  static final long CKR_ATTRIBUTE_SENSITIVE = 0x11;
  static final long CKR_ATTRIBUTE_TYPE_INVALID = 0x12;

  private static final Map<Long, String> NAMES = Map.ofEntries(
      Map.entry(0x0L, "CKR_OK"),
      Map.entry(0x1L, "CKR_CANCEL"),
      Map.entry(0x2L, "CKR_HOST_MEMORY"),
      Map.entry(0x3L, "CKR_SLOT_ID_INVALID"),
      Map.entry(0x5L, "CKR_GENERAL_ERROR"),
      Map.entry(0x6L, "CKR_FUNCTION_FAILED"),
      Map.entry(0x7L, "CKR_ARGUMENTS_BAD"),
      Map.entry(0x11L, "CKR_ATTRIBUTE_SENSITIVE"),
      Map.entry(0x12L, "CKR_ATTRIBUTE_TYPE_INVALID"),
      Map.entry(0x30L, "CKR_DEVICE_ERROR"),
      Map.entry(0x31L, "CKR_DEVICE_MEMORY"),
      Map.entry(0x32L, "CKR_DEVICE_REMOVED"),
      Map.entry(0x54L, "CKR_FUNCTION_NOT_SUPPORTED"),
      Map.entry(0x82L, "CKR_OBJECT_HANDLE_INVALID"),
      Map.entry(0x90L, "CKR_OPERATION_ACTIVE"),
      Map.entry(0x91L, "CKR_OPERATION_NOT_INITIALIZED"),
      Map.entry(0xA0L, "CKR_PIN_INCORRECT"),
      Map.entry(0xA4L, "CKR_PIN_LOCKED"),
      Map.entry(0xB0L, "CKR_SESSION_CLOSED"),
      Map.entry(0xB1L, "CKR_SESSION_COUNT"),
      Map.entry(0xB3L, "CKR_SESSION_HANDLE_INVALID"),
      Map.entry(0xB4L, "CKR_SESSION_PARALLEL_NOT_SUPPORTED"),
      Map.entry(0xD1L, "CKR_TEMPLATE_INCONSISTENT"),
      Map.entry(0xE0L, "CKR_TOKEN_NOT_PRESENT"),
      Map.entry(0xE1L, "CKR_TOKEN_NOT_RECOGNIZED"),
      Map.entry(0x101L, "CKR_USER_NOT_LOGGED_IN"),
      Map.entry(0x150L, "CKR_BUFFER_TOO_SMALL"),
      Map.entry(0x190L, "CKR_CRYPTOKI_NOT_INITIALIZED"),
      Map.entry(0x191L, "CKR_CRYPTOKI_ALREADY_INITIALIZED"));

  private ReturnValues() {}

  /** The {@code CKR_*} name of {@code value}, or {@code 0x…} (8 hex digits) for a vendor code. */
  static String name(long value) {
    String name = NAMES.get(value);
    return name != null ? name : String.format(Locale.ROOT, "0x%08X", value);
  }
}
