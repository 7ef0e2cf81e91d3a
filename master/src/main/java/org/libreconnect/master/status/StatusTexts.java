package org.libreconnect.master.status;

import java.util.Locale;
import java.util.Map;

/** The status page's words in English and French; one key, one sentence, both languages. */
final class StatusTexts {
  private static final Map<String, String[]> TEXTS = Map.ofEntries(
      e("title", "LibreConnect status (master)", "État de LibreConnect (master)"),
      e("running", "The connector is running", "Le connecteur fonctionne"),
      e("simulation", " in <strong>simulation mode</strong>", " en <strong>mode simulation</strong>"),
      e("sessionCount", "Number of active sessions: ", "Nombre de sessions actives : "),
      e("version", "Version", "Version"),
      e("build", "Build", "Version de build"),
      e("buildQuiet", " (quiet logs by default)", " (journaux discrets par défaut)"),
      e("buildVerbose", " (verbose logs by default)", " (journaux détaillés par défaut)"),
      e("listen", "Listening on", "Écoute sur"),
      e("startedAt", "Started at", "Démarré le"),
      e("certificate", "TLS certificate expires", "Le certificat TLS expire le"),
      e("downloadCa", "Download the CA certificate", "Télécharger le certificat de l'AC"),
      e("configFile", "Configuration file", "Fichier de configuration"),
      e("logFolder", "Log folder", "Dossier des journaux"),
      e("timeZone", "Times shown in", "Heures affichées en"),
      e("refusedCount", "Refused origins", "Origines refusées"),
      e("allowed", "Allowed origins", "Origines autorisées"),
      e("recentRefusals", "Last refused origins", "Dernières origines refusées"),
      e("noRefusal", "No origin has been refused since the start.", "Aucune origine refusée depuis le démarrage."),
      e("refusalHint", "A refused origin is a web application not listed in server/allowed_origins: add it there if it is yours.",
          "Une origine refusée est une application web absente de server/allowed_origins : ajoutez-la si elle est la vôtre."),
      e("origin", "Origin", "Origine"),
      e("when", "When", "Quand"),
      e("readers", "Readers and cards", "Lecteurs et cartes"),
      e("noReaderYet", "Not looked at yet.", "Pas encore examinés."),
      e("checks", "Checks", "Vérifications"),
      e("checkedAt", "Last run", "Dernière exécution"),
      e("noCheckYet", "The checks are running; reload the page in a few seconds.",
          "Les vérifications sont en cours ; rechargez la page dans quelques secondes."),
      e("check", "Check", "Vérification"),
      e("result", "Result", "Résultat"),
      e("seen", "What was seen", "Constat"),
      e("todo", "What to do", "Que faire"),
      e("OK", "OK", "OK"),
      e("FAILED", "FAILED", "ÉCHEC"),
      e("SKIPPED", "not applicable", "sans objet"),
      e("sessions", "Sessions", "Sessions"),
      e("noSession", "No session is open.", "Aucune session ouverte."),
      e("sessionId", "Session (short id)", "Session (id court)"),
      e("applicationId", "Application id", "Id de l'application"),
      e("user", "User", "Utilisateur"),
      e("workerPid", "Worker pid", "Pid du worker"),
      e("openedAt", "Opened at", "Ouverte le"),
      e("lastActivity", "Last activity", "Dernière activité"),
      e("idle", "Idle timeout (s)", "Délai d'inactivité (s)"),
      e("monitoring", "Monitoring sockets", "Sockets de suivi"),
      e("workers", "Worker processes", "Processus workers"),
      e("pid", "Pid", "Pid"),
      e("state", "State", "État"),
      e("health", "Health", "Santé"),
      e("serves", "Serves", "Sert"),
      e("logs", "Logs", "Journaux"),
      e("support", "Support", "Support"),
      e("bundleHint", "The diagnostics bundle gathers the configuration (secrets masked), recent logs, status and the checks above: send it to support.",
          "Le paquet de diagnostic réunit la configuration (secrets masqués), les journaux récents, l'état et les vérifications ci-dessus : envoyez-le au support."),
      e("bundleButton", "Download the diagnostics bundle", "Télécharger le paquet de diagnostic"),
      e("examples", "Examples page", "Page d'exemples"),
      e("caCertificate", "CA certificate", "Certificat de l'AC"));

  private static Map.Entry<String, String[]> e(String key, String english, String french) {
    return Map.entry(key, new String[] {english, french});
  }

  private final int index;
  final String language;

  private StatusTexts(int index, String language) {
    this.index = index;
    this.language = language;
  }

  static final StatusTexts ENGLISH = new StatusTexts(0, "en");
  static final StatusTexts FRENCH = new StatusTexts(1, "fr");

  static StatusTexts of(Locale locale) {
    return locale != null && "fr".equals(locale.getLanguage()) ? FRENCH : ENGLISH;
  }

  /**
   * The language for a request: {@code ?lang=} when given, else the first of French or English
   * in {@code Accept-Language}, else English.
   */
  static Locale choose(String langParameter, String acceptLanguage) {
    if ("fr".equals(langParameter) || "en".equals(langParameter)) {
      return Locale.forLanguageTag(langParameter);
    }
    if (acceptLanguage != null) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          String tag = range.getRange().toLowerCase(Locale.ROOT);
          if (tag.startsWith("fr")) {
            return Locale.FRENCH;
          }
          if (tag.startsWith("en")) {
            return Locale.ENGLISH;
          }
        }
      } catch (IllegalArgumentException e) {
        return Locale.ENGLISH;
      }
    }
    return Locale.ENGLISH;
  }

  String get(String key) {
    String[] both = TEXTS.get(key);
    return both == null ? key : both[index];
  }
}
