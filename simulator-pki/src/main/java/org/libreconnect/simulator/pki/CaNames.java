package org.libreconnect.simulator.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Distinguished names of the IGC-Santé certification authorities, test and production forms. */
final class CaNames {
  static final String TEST_FORT_ROOT = "TEST AC RACINE IGC-SANTE FORT";
  static final String TEST_FORT_PERSONS = "TEST AC IGC-SANTE FORT PERSONNES";
  static final String TEST_ELEMENTARY_ROOT = "TEST AC RACINE IGC-SANTE ELEMENTAIRE";
  static final String TEST_ELEMENTARY_ORGANISATIONS = "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS";
  static final String PRODUCTION_LIKE_ROOT = "AC RACINE IGC-SANTE FORT (SIMULATED PRODUCTION)";
  static final String PRODUCTION_LIKE_PERSONS =
      "AC IGC-SANTE FORT PERSONNES (SIMULATED PRODUCTION)";

  private CaNames() {}

  /** {@code CN=<cn>, OU=IGC-SANTE[ TEST], OU=0002 187512751, O=ASIP-SANTE, C=FR}. */
  static X500Name of(String commonName, boolean test) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "FR")
        .addRDN(BCStyle.O, "ASIP-SANTE")
        .addRDN(BCStyle.OU, "0002 187512751")
        .addRDN(BCStyle.OU, test ? "IGC-SANTE TEST" : "IGC-SANTE")
        .addRDN(BCStyle.CN, commonName)
        .build();
  }
}
