package org.libreconnect.simulator.insi;

/**
 * A fault the simulated INSi answers, in the shape the real service uses (SOAP 1.2 fault, subcode
 * {@code siram_…}, French reason, detail {@code siram:Erreur} with a severity and a code). Two
 * are public answers of the real service (docs/insi.md, "Faults"); the codes of the others are not
 * published and are this simulator's.
 *
 * @param sender whether the fault is the client's ({@code soap:Sender}) or the service's
 * @param subcode the {@code siram_…} subcode
 * @param reason the reason text
 * @param detailCode the {@code siram:Erreur} code
 * @param detail the {@code siram:Erreur} text
 */
record InsiFault(boolean sender, String subcode, String reason, String detailCode, String detail) {
  /** Public: the software's authorisation number (IDAM) is unknown. */
  static InsiFault unknownSoftware() {
    return new InsiFault(true, "siram_100", "L'accès par ce progiciel au service n'est pas autorisé. Contactez"
        + " l'éditeur du progiciel ou votre responsable informatique.", "desir_550",
        "Numéro d'autorisation du logiciel inconnu.");
  }

  /** Public: a technical error behind the service. */
  static InsiFault unavailable() {
    return new InsiFault(false, "siram_40", "Le service est temporairement inaccessible. Veuillez renouveler votre"
        + " demande ultérieurement. Si le problème persiste, contactez l'éditeur du progiciel ou votre responsable"
        + " informatique.", "insi_102", "L'appel au service de recherche renvoie une erreur technique.");
  }

  /** The request does not follow the service's schemas or rules. */
  static InsiFault invalidRequest(String what) {
    return new InsiFault(true, "siram_10", "La requête est invalide.", "insi_001", what);
  }

  /** The traits break the INSi rules (characters, sex, date, place). */
  static InsiFault invalidTraits(String what) {
    return new InsiFault(true, "siram_10", "La requête est invalide.", "insi_002", what);
  }

  /** The {@code ContexteLPS} software identification is missing or incomplete. */
  static InsiFault missingSoftware(String what) {
    return new InsiFault(true, "siram_100", "L'accès par ce progiciel au service n'est pas autorisé. Contactez"
        + " l'éditeur du progiciel ou votre responsable informatique.", "desir_551", what);
  }

  /** The assertion is missing, unsigned, badly signed, expired or not the TLS client's. */
  static InsiFault badAssertion(String what) {
    return new InsiFault(true, "siram_20", "L'authentification du professionnel a échoué.", "insi_010", what);
  }

  /** The TLS client certificate is not a CPx card's authentication certificate. */
  static InsiFault notACard(String what) {
    return new InsiFault(true, "siram_20", "L'authentification du professionnel a échoué.", "insi_011", what);
  }
}
