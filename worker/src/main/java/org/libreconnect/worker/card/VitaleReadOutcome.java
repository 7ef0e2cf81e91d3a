package org.libreconnect.worker.card;

import java.util.Optional;
import org.libreconnect.protocol.command.VitaleStatus;
import org.libreconnect.worker.vitale.VitaleCardContent;
import org.libreconnect.worker.vitale.VitaleCardKind;

/**
 * What reading a Vitale card gave: a card found (production, test, demonstration) with its
 * content, a missing card, or an unreadable one with the reason (for logs; it never holds card
 * data).
 */
public record VitaleReadOutcome(VitaleStatus status, Optional<VitaleCardContent> content, String reason) {

  static VitaleReadOutcome found(VitaleCardContent content) {
    VitaleStatus status =
        switch (content.kind()) {
          case PRODUCTION -> VitaleStatus.ProdCard;
          case TEST -> VitaleStatus.TestCard;
          case DEMO -> VitaleStatus.DemoCard;
        };
    return new VitaleReadOutcome(status, Optional.of(content), "read");
  }

  static VitaleReadOutcome missing(String reason) {
    return new VitaleReadOutcome(VitaleStatus.MissingCard, Optional.empty(), reason);
  }

  static VitaleReadOutcome unreadable(String reason) {
    return new VitaleReadOutcome(VitaleStatus.Error, Optional.empty(), reason);
  }

  /** The kind of card read, when one was. */
  public Optional<VitaleCardKind> kind() {
    return content.map(VitaleCardContent::kind);
  }
}
