package org.libreconnect.worker.insi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.libreconnect.insi.IdentityTraits;
import org.libreconnect.insi.InsiConnector;
import org.libreconnect.insi.VitaleBeneficiary;
import org.libreconnect.protocol.command.InsiCommands.CheckInsIdentityInput;
import org.libreconnect.protocol.command.InsiCommands.CreateInsiConnectorInput;
import org.libreconnect.protocol.command.InsiCommands.InsFromIdentityInput;
import org.libreconnect.protocol.command.InsiCommands.InsFromVitaleCardInput;
import org.libreconnect.protocol.command.InsiCommands.InsSearchAnswer;
import org.libreconnect.protocol.error.FunctionalException;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.worker.HandlerTable;
import org.libreconnect.worker.SessionContext;

/**
 * The INSi commands (protocol.md §2.9): the connector, then one command per operation. Each
 * session holds at most one INSi connector; a new {@code hl_createInsiConnector} replaces it, and
 * a closed session's connector is closed at the next INSi command of the worker.
 */
public final class InsiHandlers {
  private record Held(SessionContext session, InsiConnector connector) {}

  private final InsiConnectorFactory factory;
  private final VitaleBeneficiaries vitale;
  private final Map<String, Held> connectors = new ConcurrentHashMap<>();

  public InsiHandlers(InsiConnectorFactory factory, VitaleBeneficiaries vitale) {
    this.factory = factory;
    this.vitale = vitale;
  }

  /** Adds the INSi commands to {@code table}. */
  public void register(HandlerTable.Builder table) {
    table
        .single("hl_createInsiConnector", CreateInsiConnectorInput.class, this::create)
        .single("hl_getInsFromIdentityInformation", InsFromIdentityInput.class, (s, in) -> {
          IdentityTraits traits = IdentityTraits.of(in.birthName(), in.given(), in.sex(), in.birthDate(),
              in.birthPlace());
          return connector(s).searchByTraits(in.lpsInfos(), traits);
        })
        .single("hl_checkInsIdentity", CheckInsIdentityInput.class, (s, in) -> {
          InsiConnector.InsToCheck check = InsiConnector.InsToCheck.of(in);
          connector(s).verify(in.lpsInfos(), check);
          return null;
        })
        .single("hl_getInsFromVitaleCard", InsFromVitaleCardInput.class, this::fromVitale);
  }

  private Object create(SessionContext session, CreateInsiConnectorInput input) {
    purgeClosed();
    InsiConnector connector = factory.create(session, input);
    Held previous = connectors.put(session.sessionId(), new Held(session, connector));
    if (previous != null) {
      previous.connector().close();
    }
    return null;
  }

  private InsSearchAnswer fromVitale(SessionContext session, InsFromVitaleCardInput input) {
    InsiConnector connector = connector(session);
    List<VitaleBeneficiary> beneficiaries = vitale.lastRead(session).orElseThrow(() -> new FunctionalException(
        "No Vitale card was read in this session: the card must have been read (hl_readVitaleCard) first"));
    int index = input.vitalePatientIndex();
    if (index < 0 || index >= beneficiaries.size()) {
      throw new InvalidParameterException("i_vitalePatientIndex", beneficiaries.isEmpty()
          ? "the Vitale card read holds no beneficiary"
          : "must be between 0 and " + (beneficiaries.size() - 1) + " (index in the Patients list of the Vitale card)");
    }
    VitaleBeneficiary beneficiary = beneficiaries.get(index);
    if (!beneficiary.usable()) {
      throw new FunctionalException("The Vitale card data of this beneficiary are incomplete for an INSi search");
    }
    return connector.searchByVitale(input.lpsInfos(), beneficiary);
  }

  private InsiConnector connector(SessionContext session) {
    purgeClosed();
    Held held = connectors.get(session.sessionId());
    if (held == null) {
      throw new FunctionalException("No INSi connector in this session: call hl_createInsiConnector first");
    }
    return held.connector();
  }

  /** Whether {@code session} holds a INSi connector ({@code hl_getSessionState}). */
  public boolean holdsConnector(SessionContext session) {
    Held held = connectors.get(session.sessionId());
    return held != null && held.session().isOpen();
  }

  private void purgeClosed() {
    connectors.values().removeIf(held -> {
      if (held.session().isOpen()) {
        return false;
      }
      held.connector().close();
      return true;
    });
  }
}
