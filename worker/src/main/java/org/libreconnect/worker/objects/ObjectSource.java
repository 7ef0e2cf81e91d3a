package org.libreconnect.worker.objects;

import java.util.Optional;
import org.libreconnect.worker.SessionContext;

/** Finds the objects one part of the worker holds for a session, by handle. */
@FunctionalInterface
public interface ObjectSource {

  /** The object {@code handle} of {@code session}, if this source holds it. */
  Optional<SessionObject> find(SessionContext session, int handle);
}
