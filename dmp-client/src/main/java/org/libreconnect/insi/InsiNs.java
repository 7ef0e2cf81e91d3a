package org.libreconnect.insi;

/** Namespaces and actions of the INSi service (official WSDL ServiceIdentiteCertifiee-v1). */
public final class InsiNs {
  public static final String REC_SANS = "http://www.cnamts.fr/INSiRecSans";
  public static final String REC_VIT = "http://www.cnamts.fr/INSiRecVit";
  public static final String RESULTAT = "http://www.cnamts.fr/INSiResultat";
  public static final String CTX_LPS = "urn:siram:lps:ctxlps";
  public static final String CTX_BAM = "urn:siram:bam:ctxbam";
  public static final String SIRAM = "urn:siram";

  /** WS-Addressing action of the search with identity traits. */
  public static final String ACTION_TRAITS = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
  /** WS-Addressing action of the search with the Vitale card data. */
  public static final String ACTION_VITALE = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale";

  /** OID of the INS-NIR assigning authority (the example answer's {@code OID}). */
  public static final String OID_NIR = "1.2.250.1.213.1.4.8";
  /** OID of the INS-NIA assigning authority. */
  public static final String OID_NIA = "1.2.250.1.213.1.4.9";
  /** OID of test INS-NIR (qualification identities). */
  public static final String OID_NIR_TEST = "1.2.250.1.213.1.4.10";
  /** OID of demonstration INS-NIR. */
  public static final String OID_NIR_DEMO = "1.2.250.1.213.1.4.11";

  private InsiNs() {}
}
