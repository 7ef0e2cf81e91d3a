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

  public StatusService(
      SessionRegistry sessions,
      WorkerPool workers,
      OriginPolicy origins,
      Instant startedAt,
      boolean simulation,
      String listen,
      Supplier<Instant> certificateExpiry) {
    this.sessions = sessions;
    this.workers = workers;
    this.origins = origins;
    this.startedAt = startedAt;
    this.simulation = simulation;
    this.listen = listen;
    this.certificateExpiry = certificateExpiry;
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
        workerViews);
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
