package org.libreconnect.server;

import java.nio.file.Path;

/** The documented {@code getDmpStatus} call as a ready-to-run {@code curl} command line. */
public final class CurlExample {
  private CurlExample() {}

  /** The JSON body of the example for patient {@code ins} on the training DMP. */
  public static String getDmpStatusBody(String ins) {
    return "{\"" + RequestIdentity.KEY + "\":{"
        + "\"HP\":{\"s_name\":\"MED-CS RPPS0020810\",\"s_given\":\"ANNE\",\"s_codeProfession\":\"10\","
        + "\"s_professionOid\":\"1.2.250.1.71.1.2.7\",\"s_codeSpecialty\":\"SM04\","
        + "\"s_functionCodeOid\":\"1.2.250.1.213.1.6.1.17\",\"s_internalId\":\"Agent007\","
        + "\"i_internalIdType\":0,\"i_authenticationMode\":8,\"s_serviceName\":\"Service de cardiologie\"},"
        + "\"PracticeLocation\":{\"s_name\":\"Hopital du Val de Grace\",\"s_activitySector\":\"SA43\","
        + "\"s_practiceSettings\":\"AMBULATOIRE\"}},"
        + "\"s_ins\":\"" + ins + "\","
        + "\"s_dmpUrl\":\"https://lps.formation1.dmp.gouv.fr/si-dmp-server/v2/services/\"}";
  }

  /** The command line: POST with the bearer token, the CA to trust, the JSON body. */
  public static String getDmpStatus(int port, Path caCertificate, String token, String ins) {
    return "curl --silent --show-error --cacert '" + caCertificate.toAbsolutePath() + "'"
        + " -H 'Authorization: Bearer " + token + "'"
        + " -H 'Content-Type: application/json'"
        + " --data '" + getDmpStatusBody(ins) + "'"
        + " https://localhost:" + port + "/getDmpStatus";
  }
}
