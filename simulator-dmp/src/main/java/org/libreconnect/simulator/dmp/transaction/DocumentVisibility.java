package org.libreconnect.simulator.dmp.transaction;

import org.libreconnect.simulator.dmp.store.Authorization;
import org.libreconnect.simulator.dmp.store.Confidentiality;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.DocumentStatus;
import org.libreconnect.simulator.dmp.store.StoredDocument;
import org.libreconnect.simulator.dmp.vihf.Vihf;

/**
 * Which documents a caller may see: never deleted ones; documents masked from professionals
 * ({@code MASQUE_PS}) only by their author and the treating physician; a structure (indirect
 * mode) only its own documents.
 */
final class DocumentVisibility {
  private final DmpStore store;

  DocumentVisibility(DmpStore store) {
    this.store = store;
  }

  boolean visible(StoredDocument document, Vihf vihf) {
    if (document.status() == DocumentStatus.DELETED) {
      return false;
    }
    if (vihf.mode().indirect()) {
      return document.metadata().author().structureId().orElse("").equals(vihf.structureId());
    }
    if (!document.metadata().hasConfidentiality(Confidentiality.MASKED_FROM_PROFESSIONALS)) {
      return true;
    }
    if (document.metadata().author().psIdNat().orElse("").equals(vihf.nameId())) {
      return true;
    }
    return store.authorization(vihf.nameId(), document.metadata().patient().value())
        .map(Authorization::treatingPhysician).orElse(false);
  }
}
