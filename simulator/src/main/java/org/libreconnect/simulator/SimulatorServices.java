package org.libreconnect.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import org.libreconnect.runtime.AtomicFiles;
import org.libreconnect.simulator.pki.ServerCredentials;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.smartcardio.CardTerminals;
import org.libreconnect.simulation.Simulation;
import org.libreconnect.simulator.card.InProcessReader;
import org.libreconnect.simulator.card.InProcessTerminals;
import org.libreconnect.simulator.card.SimulatedCard;
import org.libreconnect.simulator.card.SimulatedVitaleCard;
import org.libreconnect.simulator.dmp.DmpSimulator;
import org.libreconnect.simulator.dmp.DmpSimulatorConfig;
import org.libreconnect.simulator.insi.InsiSimulator;
import org.libreconnect.simulator.pki.SimulationMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulators as a worker in simulation mode finds them ({@link Simulation}, registered in
 * {@code META-INF/services}): the installation's simulated card in an in-process reader, and DMP
 * and INSi simulators on loopback ports trusting that card. The material of one directory is read once.
 */
public final class SimulatorServices implements Simulation {
  private static final Logger log = LoggerFactory.getLogger(SimulatorServices.class);

  private final Map<Path, SimulationMaterial> materials = new ConcurrentHashMap<>();

  @Override
  public CardTerminals cardReaders(Path materialDirectory, Clock clock, String readerName) {
    SimulationMaterial material = material(materialDirectory, clock);
    SimulatedCard card = SimulatedCard.create(material.identity(), material.cardCredentials());
    InProcessTerminals readers = InProcessTerminals.create(readerName);
    InProcessReader reader = readers.reader(readerName, card);
    reader.insert();
    log.info("card.simulated.inserted reader=\"{}\" psIdNat={}", readerName, material.identity().psIdNat());
    return readers;
  }

  @Override
  public CardTerminals cardReaders(
      Path materialDirectory, Clock clock, String cpsReaderName, String vitaleReaderName) {
    SimulationMaterial material = material(materialDirectory, clock);
    SimulatedCard card = SimulatedCard.create(material.identity(), material.cardCredentials());
    InProcessTerminals readers = InProcessTerminals.create(cpsReaderName, vitaleReaderName);
    readers.reader(cpsReaderName, card).insert();
    readers.reader(vitaleReaderName, SimulatedVitaleCard.testCard()).insert();
    log.info(
        "card.simulated.inserted reader=\"{}\" psIdNat={} vitaleReader=\"{}\"",
        cpsReaderName,
        material.identity().psIdNat(),
        vitaleReaderName);
    return readers;
  }

  @Override
  public URI startDmp(Path materialDirectory, Clock clock) {
    DmpSimulator simulator = DmpSimulator.start(DmpSimulatorConfig.defaults(material(materialDirectory, clock).pki())
        .withProductionLikeListener(false, 0));
    log.info("dmp.simulator.started url={}", simulator.baseUrl());
    return simulator.baseUrl();
  }

  @Override
  public URI startInsi(Path materialDirectory, Clock clock) {
    InsiSimulator simulator = InsiSimulator.start(material(materialDirectory, clock).pki(), clock);
    log.info("insi.simulator.started url={}", simulator.endpoint());
    return simulator.endpoint();
  }

  @Override
  public Path establishmentKeyStore(Path materialDirectory, Clock clock) {
    Path file = materialDirectory.resolve("establishment.p12");
    synchronized (this) {
      if (Files.isRegularFile(file)) {
        return file;
      }
      ServerCredentials establishment = material(materialDirectory, clock).pki().issueEstablishment(
          "LIBRECONNECT SERVEUR DE TEST", ESTABLISHMENT_STRUCTURE_ID, "MAISON DE SANTE DES TILLEULS");
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = ESTABLISHMENT_STORE_PASSWORD.toCharArray();
        store.setKeyEntry("establishment", establishment.keys().getPrivate(), password,
            establishment.certificateChain());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password);
        AtomicFiles.write(file, bytes.toByteArray(), AtomicFiles.Access.OWNER_ONLY);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the establishment key store", e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot make the establishment key store", e);
      }
      log.info("simulation.establishment.created file={}", file);
      return file;
    }
  }

  @Override
  public X509Certificate dmpServerRoot(Path materialDirectory, Clock clock) {
    return material(materialDirectory, clock).pki().elementaryRoot();
  }

  private SimulationMaterial material(Path directory, Clock clock) {
    return materials.computeIfAbsent(directory.toAbsolutePath().normalize(), key -> {
      try {
        return SimulationMaterial.loadOrCreate(key, clock);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare the simulation material", e);
      }
    });
  }
}
