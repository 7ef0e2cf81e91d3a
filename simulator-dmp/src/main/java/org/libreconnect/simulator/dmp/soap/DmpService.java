package org.libreconnect.simulator.dmp.soap;

/** The DMP SOAP services the simulator serves, each under {@code /si-dmp-server/v2/services/}. */
public enum DmpService {
  PATIENTS("patients", false),
  PATIENTS_SPECIFIC("patientsSpecific", false),
  PATIENTS_PDQ("patientsPDQ", false),
  HABILITATIONS("habilitations", false),
  REGISTRY("registry", false),
  REPOSITORY("repository", true);

  /** The path every service lives under. */
  public static final String BASE_PATH = "/si-dmp-server/v2/services";

  private final String segment;
  private final boolean mtom;

  DmpService(String segment, boolean mtom) {
    this.segment = segment;
    this.mtom = mtom;
  }

  /** The last path segment, such as {@code "patients"}. */
  public String segment() {
    return segment;
  }

  /** The full path, such as {@code "/si-dmp-server/v2/services/patients"}. */
  public String path() {
    return BASE_PATH + "/" + segment;
  }

  /** Whether answers are MTOM (multipart/related, XOP) as the DMP's repository sends them. */
  public boolean mtom() {
    return mtom;
  }
}
