package org.libreconnect.simulator.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.libreconnect.simulator.dmp.store.Authorization;
import org.libreconnect.simulator.dmp.store.AuthorizationState;
import org.libreconnect.simulator.dmp.store.DmpSeed;
import org.libreconnect.simulator.dmp.store.DmpState;
import org.libreconnect.simulator.dmp.store.DmpStore;
import org.libreconnect.simulator.dmp.store.DocumentStatus;
import org.libreconnect.simulation.identity.CpsIdentity;

class DmpStoreTest {
  private static final String DOCTOR = CpsIdentity.testDoctor().psIdNat();

  private static DmpSeed seed(String json) throws Exception {
    return DmpSeed.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
  }

  @Test
  void theShippedSeedHasEveryStateForTheTestDoctor() {
    DmpStore store = new DmpStore(DmpSeed.defaultSeed());

    assertThat(store.patients()).extracting(patient -> patient.state())
        .contains(DmpState.EXISTING, DmpState.CLOSED, DmpState.ABSENT);
    assertThat(store.patients()).extracting(patient -> store.authorizationState(DOCTOR,
        patient.ins().value())).contains(AuthorizationState.values());
    assertThat(store.structure("499900063480001")).hasValueSatisfying(
        structure -> assertThat(structure.members()).contains(DOCTOR));
    assertThat(store.documentsOf(DmpFixture.VALID)).hasSize(2);
  }

  @Test
  void resetGoesBackToTheSeed() {
    DmpStore store = new DmpStore(DmpSeed.defaultSeed());
    store.removeAuthorization(DOCTOR, DmpFixture.VALID);
    store.update(DmpFixture.SEEN_ENTRY, entry -> entry.withStatus(DocumentStatus.DELETED));
    store.putAuthorization(new Authorization(DOCTOR, DmpFixture.BLOCKED,
        AuthorizationState.VALIDE, false, "20250101000000", "20250101000000"));

    store.reset();

    assertThat(store.authorizationState(DOCTOR, DmpFixture.VALID))
        .isEqualTo(AuthorizationState.VALIDE);
    assertThat(store.authorizationState(DOCTOR, DmpFixture.BLOCKED))
        .isEqualTo(AuthorizationState.INTERDIT);
    assertThat(store.documentByEntryUuid(DmpFixture.SEEN_ENTRY).orElseThrow().status())
        .isEqualTo(DocumentStatus.APPROVED);
  }

  @Test
  void reseedingReplacesTheData() throws Exception {
    DmpStore store = new DmpStore(DmpSeed.defaultSeed());

    store.reseed(seed("{\"patients\":[{\"ins\":\"185077512345608\",\"lastName\":\"A\","
        + "\"firstName\":\"B\",\"birthDate\":\"19850704\",\"dmp\":\"closed\"}]}"));
    store.reset();

    assertThat(store.patients()).singleElement()
        .satisfies(patient -> assertThat(patient.state()).isEqualTo(DmpState.CLOSED));
  }

  @Test
  void seedErrorsNameTheElementAndTheRule() {
    assertThatThrownBy(() -> new DmpStore(seed("{\"patients\":[{\"ins\":\"123\","
        + "\"lastName\":\"A\",\"firstName\":\"B\",\"birthDate\":\"19850704\","
        + "\"dmp\":\"EXISTING\"}]}")))
        .hasMessageStartingWith("patients[0].ins: ");
    assertThatThrownBy(() -> new DmpStore(seed("{\"authorizations\":[{\"psIdNat\":\"1\","
        + "\"ins\":\"185077512345608\",\"state\":\"VALIDE\"}]}")))
        .hasMessage("authorizations[0].ins: no such patient");
    assertThatThrownBy(() -> seed("{\"patient\":[]}"))
        .hasMessageContaining("unknown key \"patient\"");
    assertThatThrownBy(() -> new DmpStore(seed("{\"patients\":[{\"ins\":\"185077512345608\","
        + "\"lastName\":\"A\",\"firstName\":\"B\",\"birthDate\":\"19850704\","
        + "\"dmp\":\"OUVERT\"}]}")))
        .hasMessageStartingWith("patients[0].dmp: must be one of");
  }

  @Test
  void concurrentChangesAreNotLost() throws Exception {
    DmpStore store = new DmpStore(DmpSeed.defaultSeed());
    List<Future<?>> writes = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 200; i++) {
        String ps = "8999" + String.format("%08d", i);
        writes.add(pool.submit(() -> store.putAuthorization(new Authorization(ps,
            DmpFixture.VALID, AuthorizationState.VALIDE, false, "20250101000000",
            "20250101000000"))));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    }

    assertThat(store.authorizationsOnPatient(DmpFixture.VALID)).hasSize(202);
  }
}
