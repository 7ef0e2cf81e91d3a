package org.libreconnect.master.status;

/** Renders the status page support staff open in a browser. Plain HTML, no script. */
public final class StatusPage {

  public String render(StatusSnapshot s) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>LibreConnect status</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;font-size:.9em}")
        .append("th{background:#f0f3f7}.ok{color:#0a6b2d}.warn{color:#a33}")
        .append("</style></head><body>\n");
    html.append("<h1>LibreConnect</h1>\n<p class=\"ok\">The connector is running")
        .append(s.simulation() ? " in <strong>simulation mode</strong>" : "")
        .append(".</p>\n");
    html.append("<p>Number of active sessions: ").append(s.activeSessions()).append("</p>\n");
    html.append("<table><tr><th>Version</th><td>").append(esc(s.version())).append("</td></tr>")
        .append("<tr><th>Build</th><td>").append(esc(s.build()))
        .append("production".equals(s.build()) ? " (quiet logs by default)" : " (verbose logs by default)")
        .append("</td></tr>")
        .append("<tr><th>Listening on</th><td>").append(esc(s.listen())).append("</td></tr>")
        .append("<tr><th>Started at</th><td>").append(esc(s.startedAt())).append("</td></tr>")
        .append("<tr><th>TLS certificate expires</th><td>").append(esc(s.certificateExpiresAt()))
        .append(" &middot; <a href=\"/ca.crt\" download>Download the CA certificate</a></td></tr>")
        .append("<tr><th>Refused origins</th><td")
        .append(s.refusedOrigins() > 0 ? " class=\"warn\"" : "")
        .append(">").append(s.refusedOrigins()).append("</td></tr>")
        .append("<tr><th>Allowed origins</th><td>")
        .append(esc(String.join(", ", s.allowedOrigins()))).append("</td></tr></table>\n");
    html.append("<h2>Sessions</h2>\n");
    if (s.sessions().isEmpty()) {
      html.append("<p>No session is open.</p>\n");
    } else {
      html.append("<table><tr><th>Session (short id)</th><th>Application id</th><th>Origin</th>")
          .append("<th>User</th><th>Worker pid</th><th>Opened at</th><th>Last activity</th>")
          .append("<th>Idle timeout (s)</th><th>Monitoring sockets</th></tr>\n");
      for (StatusSnapshot.SessionView v : s.sessions()) {
        html.append("<tr><td>").append(esc(v.id())).append("</td><td>")
            .append(esc(v.applicationId())).append("</td><td>")
            .append(esc(v.origin())).append("</td><td>")
            .append(esc(v.user())).append("</td><td")
            .append("GONE".equals(v.workerState()) ? " class=\"warn\" title=\"worker process lost\"" : "")
            .append(">").append(v.workerPid()).append("</td><td>")
            .append(esc(v.openedAt())).append("</td><td>")
            .append(esc(v.lastActivity())).append("</td><td>")
            .append(v.idleTimeoutSeconds()).append("</td><td>")
            .append(v.openMonitoringSockets()).append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    html.append("<h2>Worker processes</h2>\n<table><tr><th>Pid</th><th>State</th><th>Health</th>")
        .append("<th>Serves</th><th>Sessions</th><th>Started at</th><th>Logs</th></tr>\n");
    for (StatusSnapshot.WorkerView w : s.workers()) {
      html.append("<tr><td>").append(w.pid()).append("</td><td>")
          .append(esc(w.state())).append("</td><td")
          .append("OK".equals(w.health()) ? "" : " class=\"warn\"")
          .append(">").append(esc(w.health())).append("</td><td>")
          .append(esc(w.assignedTo())).append("</td><td>")
          .append(w.sessions()).append("</td><td>")
          .append(esc(w.startedAt())).append("</td><td>")
          .append(esc(w.logDirectory())).append("</td></tr>\n");
    }
    html.append("</table>\n<p><a href=\"/status.json\">status.json</a> &middot; ")
        .append("<a href=\"/examples/\">Examples page</a> &middot; ")
        .append("<a href=\"/ca.crt\" download>CA certificate</a></p>\n</body></html>\n");
    return html.toString();
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
