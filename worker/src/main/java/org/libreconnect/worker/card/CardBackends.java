package org.libreconnect.worker.card;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.smartcardio.CardTerminal;
import org.libreconnect.pkcs11.CpsToken;
import org.libreconnect.pkcs11.CryptolibLibraries;
import org.libreconnect.pkcs11.ModuleSettings;
import org.libreconnect.pkcs11.Pkcs11Module;
import org.libreconnect.pkcs11.SlotLocator;
import org.libreconnect.pkcs11.SlotRule;
import org.libreconnect.pkcs11.SlotSelection;
import org.libreconnect.pkcs11.exceptions.LibraryNotFoundException;
import org.libreconnect.pkcs11.exceptions.ReaderNotFoundException;
import org.libreconnect.protocol.command.ReaderSlotType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how to reach the card in a reader (docs/adr/0008-card-access.md):
 *
 * <ol>
 *   <li>simulation mode: the in-process simulated card, through its CPS commands;
 *   <li>a PKCS#11 library set in {@code pkcs11/library}: that library, for every reader;
 *   <li>a card that answers the simulated card's CPS application (the simulated card in a real
 *       reader, through vpcd): its CPS commands, no native library needed;
 *   <li>otherwise the Cryptolib CPS found at the operating system's usual place;
 *   <li>none: a CPS card gives "PKCS#11 library missing", any other card "unknown card".
 * </ol>
 *
 * PKCS#11 slots are paired with readers by position in the PC/SC reader list ({@link SlotRule}).
 */
public final class CardBackends {
  private static final Logger log = LoggerFactory.getLogger(CardBackends.class);

  private final CardTerminalsPort port;
  private final boolean simulation;
  private final Optional<Path> configuredLibrary;
  private final CryptolibLibraries libraries;
  private final AtrClassifier classifier;
  private final Clock clock;

  /**
   * @param configuredLibrary {@code pkcs11/library} from the configuration
   * @param libraries where the Cryptolib CPS usually is on this machine
   */
  public CardBackends(
      CardTerminalsPort port,
      boolean simulation,
      Optional<Path> configuredLibrary,
      CryptolibLibraries libraries,
      AtrClassifier classifier,
      Clock clock) {
    this.port = port;
    this.simulation = simulation;
    this.configuredLibrary = configuredLibrary;
    this.libraries = libraries;
    this.classifier = classifier;
    this.clock = clock;
  }

  /** Whether cards are reached only through the configured PKCS#11 library. */
  boolean pkcs11Configured() {
    return !simulation && configuredLibrary.isPresent();
  }

  /**
   * Opens the card in {@code readerName}.
   *
   * @param readerNames every reader, in PC/SC order, for the slot pairing
   */
  CpxCard open(String readerName, List<String> readerNames) {
    if (pkcs11Configured()) {
      return pkcs11(readerName, readerNames, configuredLibrary.get());
    }
    CardTerminal terminal = port.terminals().getTerminal(readerName);
    if (terminal == null) {
      throw new ReaderNotFoundException("no PC/SC reader is named \"" + readerName + "\"", null);
    }
    Optional<SimulatedCpxCard> own = SimulatedCpxCard.open(terminal, port, clock);
    if (own.isPresent()) {
      return own.get();
    }
    if (simulation) {
      throw new UnknownCardException("the card in the simulation reader is not the simulated card", null);
    }
    byte[] atr = SimulatedCpxCard.connect(terminal, port.holdsPcscContext()).getATR().getBytes();
    Path library;
    try {
      library = libraries.resolve(Optional.empty());
    } catch (LibraryNotFoundException e) {
      if (classifier.classify(atr) == ReaderSlotType.CPS_CARD) {
        throw e;
      }
      throw new UnknownCardException(
          "the card in \"" + readerName + "\" is not a CPS card (" + classifier.family(atr) + ")", e);
    }
    return pkcs11(readerName, readerNames, library);
  }

  private CpxCard pkcs11(String readerName, List<String> readerNames, Path libraryPath) {
    Path library = libraries.resolve(Optional.of(libraryPath));
    SlotSelection slot = new SlotLocator(SlotRule.forLibrary(library)).locate(readerName, readerNames);
    InsertionMark mark = InsertionMark.of(port, readerName);
    CpsToken token = CpsToken.open(Pkcs11Module.load(ModuleSettings.of(library, slot)));
    log.info(
        "card.opened reader=\"{}\" backend=pkcs11 library={} slot=\"{}\"",
        readerName,
        library,
        slot.configLine());
    return new Pkcs11CpxCard(readerName, token, new SimulatedCpsApplicationProbe(port), mark, clock);
  }
}
