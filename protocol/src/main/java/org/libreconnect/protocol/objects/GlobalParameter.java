package org.libreconnect.protocol.objects;

import java.util.Arrays;
import java.util.Optional;

/**
 * The global parameters (JS2 {@code GlobalParameterName}, spec 5.6) read by {@code
 * getParameterString} and {@code getParameterInt}.
 */
public enum GlobalParameter {
  VERSION_NAME(1, ParameterKind.STRING),
  PATIENT_WEB_ACCESS_PDF_STORAGE_PATH(2, ParameterKind.STRING),
  PATIENT_WEB_ACCESS_PDF_TEMPLATE_FILENAME(3, ParameterKind.STRING),
  PATIENT_WEB_ACCESS_PDF_DEFAULT_URL(4, ParameterKind.STRING),
  CRYPTOLIB_CPS_DLL_FILENAME(5, ParameterKind.STRING),
  VERSION_MAJOR(6, ParameterKind.INTEGER),
  VERSION_MINOR(7, ParameterKind.INTEGER),
  VERSION_BUILD(8, ParameterKind.INTEGER),
  CURRENT_TIME_PROVIDER(9, ParameterKind.HANDLE),
  PKCS11_ENGINE_IS_INITIALIZED(10, ParameterKind.BOOLEAN);

  private final int id;
  private final ParameterKind kind;

  GlobalParameter(int id, ParameterKind kind) {
    this.id = id;
    this.kind = kind;
  }

  public int id() {
    return id;
  }

  public ParameterKind kind() {
    return kind;
  }

  /** The parameter with wire id {@code id}. */
  public static Optional<GlobalParameter> of(int id) {
    return Arrays.stream(values()).filter(p -> p.id == id).findFirst();
  }
}
