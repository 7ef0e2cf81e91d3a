package org.libreconnect.dmp;

import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.MissingParameterException;

/** Patient identifiers as the DMP messages write them (dmp.md §1.4, Appendix A). */
public final class PatientIds {
  /** INS-NIR, the production INS authority. */
  public static final String INS_NIR = "1.2.250.1.213.1.4.8";
  /** INS-NIR of test patients, used by every test environment. */
  public static final String INS_NIR_TEST = "1.2.250.1.213.1.4.10";
  /** Legacy INS-C. */
  public static final String INS_C = "1.2.250.1.213.1.4.2";

  private PatientIds() {}

  /** Checks the INS (15 characters: NIR and key) sent in {@code key}. */
  public static String checkIns(String key, String ins) {
    if (ins == null || ins.isBlank()) {
      throw new MissingParameterException(key);
    }
    String value = ins.strip();
    if (!value.matches("[0-9AB]{13}[0-9]{2}[A-Z]?")) {
      throw new InvalidParameterException(key, "must be an INS of 15 characters (NIR and key)");
    }
    return value.length() == 16 ? value.substring(0, 15) : value;
  }

  /** The INS authority: production INS-NIR on the production DMP, the test authority elsewhere. */
  public static String authority(boolean production) {
    return production ? INS_NIR : INS_NIR_TEST;
  }

  /** The HL7 CX form {@code <INS>^^^&<OID>&ISO^NH}. */
  public static String cx(String ins, String authority) {
    return ins + "^^^&" + authority + "&ISO^NH";
  }
}
