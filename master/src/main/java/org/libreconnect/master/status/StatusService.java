package org.libreconnect.master.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Supplier;
import org.libreconnect.config.BuildFlavour;
import org.libreconnect.master.server.OriginPolicy;
import org.libreconnect.master.session.Session;
import org.libreconnect.master.session.SessionRegistry;
import org.libreconnect.master.worker.WorkerHandle;
import org.libreconnect.master.worker.WorkerPool;
import org.libreconnect.protocol.ProductVersion;
import org.libreconnect.protocol.SessionIds;

/** Builds {@link StatusSnapshot}s from the live registries. */
public final class StatusService {
  private final SessionRegistry sessions;
  private final WorkerPool workers;
  private final OriginPolicy origins;
  private final Instant startedAt;
  private final boolean simulation;
  private final String listen;
  private final Supplier<Instant> certificateExpiry;
  private final SupportDiagnostics support;

  public StatusService(
      SessionRegistry sessions,
      WorkerPool workers,
      OriginPolicy origins,
      Instant startedAt,
      boolean simulation,
      String listen,
      Supplier<Instant> certificateExpiry) {
    this(sessions, workers, origins, startedAt, simulation, listen, certificateExpiry, null);
  }

  /** With {@code support} (may be null), snapshots carry the support section. */
  public StatusService(
      SessionRegistry sessions,
      WorkerPool workers,
      OriginPolicy origins,
      Instant startedAt,
      boolean simulation,
      String listen,
      Supplier<Instant> certificateExpiry,
      SupportDiagnostics support) {
    this.support = support;
    this.sessions = sessions;
    this.workers = workers;
    this.origins = origins;
    this.startedAt = startedAt;
    this.simulation = simulation;
    this.listen = listen;
    this.certificateExpiry = certificateExpiry;
  }

  /** The support side, when this connector runs one. */
  public java.util.Optional<SupportDiagnostics> support() {
    return java.util.Optional.ofNullable(support);
  }

  public StatusSnapshot snapshot() {
    var sessionViews =
        sessions.all().stream()
            .sorted(Comparator.comparing(Session::openedAt))
            .map(StatusService::view)
            .toList();
    var workerViews = workers.workers().stream().map(StatusService::view).toList();
    Instant expiry = certificateExpiry.get();
    return new StatusSnapshot(
        ProductVersion.current(),
        BuildFlavour.current().label(),
        startedAt.toString(),
        simulation,
        listen,
        sessionViews.size(),
        origins.refusals(),
        origins.patterns(),
        expiry == null ? "" : expiry.toString(),
        sessionViews,
        workerViews,
        supportView());
  }

  private StatusSnapshot.SupportView supportView() {
    if (support == null) {
      return StatusSnapshot.SupportView.NONE;
    }
    SupportDiagnostics.Result latest = support.latest();
    return new StatusSnapshot.SupportView(
        support.configFile().toAbsolutePath().toString(),
        support.logDirectory().toAbsolutePath().toString(),
        java.time.ZoneId.systemDefault().getId(),
        origins.recentRefusals().stream()
            .map(r -> new StatusSnapshot.RefusalView(r.origin(), r.at().toString())).toList(),
        latest.readers(),
        latest.at() == null ? "" : latest.at().toString(),
        latest.checks().stream()
            .map(c -> new StatusSnapshot.CheckView(c.name(), c.outcome().name(), c.detail(), c.remedy()))
            .toList());
  }

  private static StatusSnapshot.SessionView view(Session session) {
    String user =
        session.userName() == null
            ? ""
            : session.domainName() == null
                ? session.userName()
                : session.domainName() + "\\" + session.userName();
    // Only the short form: a full session id is a capability, and this page is readable by any
    // local process.
    return new StatusSnapshot.SessionView(
        SessionIds.shortForm(session.id()),
        session.applicationId() == null ? "" : session.applicationId(),
        session.origin() == null ? "" : session.origin(),
        user,
        session.worker().pid(),
        session.worker().state().name(),
        session.openedAt().toString(),
        session.lastActivity().toString(),
        session.idleTimeout().toSeconds(),
        session.openStreams());
  }

  private static StatusSnapshot.WorkerView view(WorkerHandle worker) {
    return new StatusSnapshot.WorkerView(
        worker.pid(),
        worker.state().name(),
        worker.health().name(),
        worker.key().map(Object::toString).orElse("(idle, ready for the next application)"),
        worker.sessions().size(),
        worker.startedAt().toString(),
        worker.logDirectory().toString());
  }
}
