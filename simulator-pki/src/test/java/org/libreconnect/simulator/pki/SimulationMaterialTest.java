package org.libreconnect.simulator.pki;

import org.libreconnect.simulation.identity.CpsIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SimulationMaterialTest {
  @TempDir Path home;

  @Test
  void isGeneratedOnceThenReadBackIdentically() throws Exception {
    Path dir = home.resolve("data").resolve("simulation");
    SimulationMaterial first = SimulationMaterial.loadOrCreate(dir, Clock.systemUTC());
    SimulationMaterial second = SimulationMaterial.loadOrCreate(dir, Clock.systemUTC());

    assertThat(second.identity()).isEqualTo(first.identity());
    assertThat(second.cardCredentials().signatureCertificate())
        .isEqualTo(first.cardCredentials().signatureCertificate());
    assertThat(second.cardCredentials().signatureKeys().getPrivate())
        .isEqualTo(first.cardCredentials().signatureKeys().getPrivate());
    assertThat(second.pki().fortRoot()).isEqualTo(first.pki().fortRoot());
    second.cardCredentials().authenticationCertificate().verify(second.pki().fortPersons().getPublicKey());
    assertThat(second.identity().psIdNat()).isEqualTo(CpsIdentity.testDoctor().psIdNat());
  }

  @Test
  void filesAreOwnerOnly() throws Exception {
    Path dir = home.resolve("simulation");
    SimulationMaterial.loadOrCreate(dir, Clock.systemUTC());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    for (String name : List.of(SimulationMaterial.STORE_FILE, SimulationMaterial.IDENTITY_FILE)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
          .as(name)
          .isEqualTo("rw-------");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void damagedOrExpiringMaterialIsReplaced() throws Exception {
    Path dir = home.resolve("simulation");
    SimulationMaterial first = SimulationMaterial.loadOrCreate(dir, Clock.systemUTC());
    Files.writeString(dir.resolve(SimulationMaterial.STORE_FILE), "not a key store");
    SimulationMaterial repaired = SimulationMaterial.loadOrCreate(dir, Clock.systemUTC());
    assertThat(repaired.cardCredentials().signatureCertificate())
        .isNotEqualTo(first.cardCredentials().signatureCertificate());

    Instant nearTheEnd =
        repaired.cardCredentials().authenticationCertificate().getNotAfter().toInstant()
            .minus(Duration.ofDays(10));
    SimulationMaterial renewed =
        SimulationMaterial.loadOrCreate(dir, Clock.fixed(nearTheEnd, ZoneOffset.UTC));
    assertThat(renewed.cardCredentials().authenticationCertificate().getNotAfter().toInstant())
        .isAfter(nearTheEnd.plus(Duration.ofDays(365)));
  }

  @Test
  void concurrentStartsShareOneCard() throws Exception {
    Path dir = home.resolve("simulation");
    List<Future<SimulationMaterial>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
      Callable<SimulationMaterial> start = () -> SimulationMaterial.loadOrCreate(dir, Clock.systemUTC());
      for (int i = 0; i < 3; i++) {
        results.add(pool.submit(start));
      }
      var expected = results.get(0).get().cardCredentials().signatureCertificate();
      for (Future<SimulationMaterial> result : results) {
        assertThat(result.get().cardCredentials().signatureCertificate()).isEqualTo(expected);
      }
    }
  }
}
