package org.libreconnect.master.status;

/**
 * Renders the status page support staff open in a browser, in French or English. Plain HTML, no
 * script; readable at 1200 px.
 */
public final class StatusPage {

  /** The page's language for a request: {@code ?lang=fr|en}, else Accept-Language, else English. */
  public static java.util.Locale language(String langParameter, String acceptLanguage) {
    return StatusTexts.choose(langParameter, acceptLanguage);
  }

  /** The page in English. */
  public String render(StatusSnapshot s) {
    return render(s, java.util.Locale.ENGLISH, java.time.ZoneId.systemDefault());
  }

  /** The page in {@code locale} (French or English), times in {@code zone}. */
  public String render(StatusSnapshot s, java.util.Locale locale, java.time.ZoneId zone) {
    StatusTexts t = StatusTexts.of(locale);
    StatusSnapshot.SupportView support = s.support();
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"").append(t.language).append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width\">")
        .append("<title>").append(esc(t.get("title"))).append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:1160px;padding:0 1em;color:#222}")
        .append("table{border-collapse:collapse;margin:.6em 0 1.2em;width:100%}")
        .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;font-size:.9em;vertical-align:top;overflow-wrap:break-word}code{overflow-wrap:anywhere}")
        .append("th{background:#f0f3f7;width:16em}.grid th{width:auto}.ok{color:#0a6b2d}.warn{color:#a33;font-weight:600}")
        .append(".muted{color:#666}.lang{float:right}h2{margin-top:1.4em;border-bottom:1px solid #ddd}")
        .append("button{font-size:1em;padding:.4em 1em}")
        .append("</style></head><body>\n");
    html.append("<nav class=\"lang\"><a href=\"/?lang=fr\" hreflang=\"fr\">Français</a> &middot; ")
        .append("<a href=\"/?lang=en\" hreflang=\"en\">English</a></nav>\n");
    html.append("<h1>").append(esc(t.get("title"))).append("</h1>\n<p class=\"ok\" id=\"state\">")
        .append(t.get("running")).append(s.simulation() ? t.get("simulation") : "").append(".</p>\n");
    html.append("<p id=\"session-count\">").append(esc(t.get("sessionCount"))).append(s.activeSessions()).append("</p>\n");
    html.append("<table id=\"overview\">");
    row(html, t.get("version"), esc(s.version()));
    row(html, t.get("build"), esc(s.build())
        + ("production".equals(s.build()) ? t.get("buildQuiet") : t.get("buildVerbose")));
    row(html, t.get("listen"), esc(s.listen()));
    row(html, t.get("startedAt"), time(s.startedAt(), zone));
    row(html, t.get("certificate"), time(s.certificateExpiresAt(), zone)
        + " &middot; <a href=\"/ca.crt\" download>" + esc(t.get("downloadCa")) + "</a>");
    row(html, t.get("configFile"), "<code>" + esc(support.configFile()) + "</code>");
    row(html, t.get("logFolder"), "<code>" + esc(support.logDirectory()) + "</code>");
    row(html, t.get("timeZone"), esc(zone.getId()));
    html.append("<tr><th>").append(esc(t.get("refusedCount"))).append("</th><td")
        .append(s.refusedOrigins() > 0 ? " class=\"warn\"" : "")
        .append(">").append(s.refusedOrigins()).append("</td></tr>");
    row(html, t.get("allowed"), esc(String.join(", ", s.allowedOrigins())));
    html.append("</table>\n");

    html.append("<h2 id=\"refusals\">").append(esc(t.get("recentRefusals"))).append("</h2>\n");
    if (support.recentRefusals().isEmpty()) {
      html.append("<p class=\"muted\">").append(esc(t.get("noRefusal"))).append("</p>\n");
    } else {
      html.append("<p>").append(esc(t.get("refusalHint"))).append("</p>\n<table class=\"grid\"><tr><th>")
          .append(esc(t.get("origin"))).append("</th><th>").append(esc(t.get("when"))).append("</th></tr>\n");
      for (StatusSnapshot.RefusalView r : support.recentRefusals()) {
        html.append("<tr><td class=\"warn\">").append(esc(r.origin())).append("</td><td>")
            .append(time(r.at(), zone)).append("</td></tr>\n");
      }
      html.append("</table>\n");
    }

    html.append("<h2 id=\"readers\">").append(esc(t.get("readers"))).append("</h2>\n");
    if (support.readers().isEmpty()) {
      html.append("<p class=\"muted\">").append(esc(t.get("noReaderYet"))).append("</p>\n");
    } else {
      html.append("<ul>");
      for (String reader : support.readers()) {
        html.append("<li>").append(esc(reader)).append("</li>");
      }
      html.append("</ul>\n");
    }

    html.append("<h2 id=\"checks\">").append(esc(t.get("checks"))).append("</h2>\n");
    if (support.checks().isEmpty()) {
      html.append("<p class=\"muted\">").append(esc(t.get("noCheckYet"))).append("</p>\n");
    } else {
      html.append("<p>").append(esc(t.get("checkedAt"))).append(": ").append(time(support.checkedAt(), zone))
          .append("</p>\n<table class=\"grid\"><tr><th>").append(esc(t.get("check"))).append("</th><th>")
          .append(esc(t.get("result"))).append("</th><th>").append(esc(t.get("seen"))).append("</th><th>")
          .append(esc(t.get("todo"))).append("</th></tr>\n");
      for (StatusSnapshot.CheckView c : support.checks()) {
        boolean failed = "FAILED".equals(c.outcome());
        html.append("<tr><td>").append(esc(c.name())).append("</td><td class=\"")
            .append(failed ? "warn" : "ok").append("\">").append(esc(t.get(c.outcome())))
            .append("</td><td>").append(esc(c.detail())).append("</td><td>")
            .append(esc(c.remedy())).append("</td></tr>\n");
      }
      html.append("</table>\n");
    }

    html.append("<h2>").append(esc(t.get("sessions"))).append("</h2>\n");
    if (s.sessions().isEmpty()) {
      html.append("<p>").append(esc(t.get("noSession"))).append("</p>\n");
    } else {
      html.append("<table class=\"grid\"><tr>");
      for (String key : new String[] {"sessionId", "applicationId", "origin", "user", "workerPid",
          "openedAt", "lastActivity", "idle", "monitoring"}) {
        html.append("<th>").append(esc(t.get(key))).append("</th>");
      }
      html.append("</tr>\n");
      for (StatusSnapshot.SessionView v : s.sessions()) {
        html.append("<tr><td>").append(esc(v.id())).append("</td><td>")
            .append(esc(v.applicationId())).append("</td><td>")
            .append(esc(v.origin())).append("</td><td>")
            .append(esc(v.user())).append("</td><td")
            .append("GONE".equals(v.workerState()) ? " class=\"warn\" title=\"worker process lost\"" : "")
            .append(">").append(v.workerPid()).append("</td><td>")
            .append(time(v.openedAt(), zone)).append("</td><td>")
            .append(time(v.lastActivity(), zone)).append("</td><td>")
            .append(v.idleTimeoutSeconds()).append("</td><td>")
            .append(v.openMonitoringSockets()).append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    html.append("<h2>").append(esc(t.get("workers"))).append("</h2>\n<table class=\"grid\"><tr>");
    for (String key : new String[] {"pid", "state", "health", "serves", "sessions", "startedAt", "logs"}) {
      html.append("<th>").append(esc(t.get(key))).append("</th>");
    }
    html.append("</tr>\n");
    for (StatusSnapshot.WorkerView w : s.workers()) {
      html.append("<tr><td>").append(w.pid()).append("</td><td>")
          .append(esc(w.state())).append("</td><td")
          .append("OK".equals(w.health()) ? "" : " class=\"warn\"")
          .append(">").append(esc(w.health())).append("</td><td>")
          .append(esc(w.assignedTo())).append("</td><td>")
          .append(w.sessions()).append("</td><td>")
          .append(time(w.startedAt(), zone)).append("</td><td><code>")
          .append(esc(w.logDirectory())).append("</code></td></tr>\n");
    }
    html.append("</table>\n");
    html.append("<h2 id=\"support\">").append(esc(t.get("support"))).append("</h2>\n<p>")
        .append(esc(t.get("bundleHint"))).append("</p>\n")
        .append("<form method=\"post\" action=\"/diagnostics.zip\"><button type=\"submit\" id=\"bundle\">")
        .append(esc(t.get("bundleButton"))).append("</button></form>\n");
    html.append("<p><a href=\"/status.json\">status.json</a> &middot; ")
        .append("<a href=\"/examples/\">").append(esc(t.get("examples"))).append("</a> &middot; ")
        .append("<a href=\"/ca.crt\" download>").append(esc(t.get("caCertificate"))).append("</a></p>\n</body></html>\n");
    return html.toString();
  }

  private static void row(StringBuilder html, String header, String cellHtml) {
    html.append("<tr><th>").append(esc(header)).append("</th><td>").append(cellHtml).append("</td></tr>");
  }

  /** An ISO instant as local date and time, the instant kept in the {@code datetime} attribute. */
  static String time(String iso, java.time.ZoneId zone) {
    if (iso == null || iso.isEmpty()) {
      return "";
    }
    try {
      java.time.Instant instant = java.time.Instant.parse(iso);
      String local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
          .format(instant.atZone(zone));
      return "<time datetime=\"" + esc(iso) + "\" title=\"" + esc(iso) + "\">" + local + "</time>";
    } catch (java.time.format.DateTimeParseException e) {
      return esc(iso);
    }
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
