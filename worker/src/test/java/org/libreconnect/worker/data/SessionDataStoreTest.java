package org.libreconnect.worker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class SessionDataStoreTest {

  private final SessionDataStore store = new SessionDataStore(100);

  @ParameterizedTest
  @NullAndEmptySource
  void putWithoutIdCreatesAnItemUnderANewUrlSafeId(String noId) {
    String id = store.put(noId, bytes("hello"));

    assertThat(id).isNotBlank().matches("[A-Za-z0-9_-]+");
    assertThat(store.get(id)).isEqualTo(bytes("hello"));
    assertThat(store.totalBytes()).isEqualTo(5);
  }

  @Test
  void eachCreationGetsItsOwnId() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(store.put(null, new byte[1]));
    }

    assertThat(ids).hasSize(50);
    assertThat(store.totalBytes()).isEqualTo(50);
  }

  @Test
  void putWithAnIdReplacesThatItemAndKeepsTheId() {
    String id = store.put(null, bytes("first version"));

    assertThat(store.put(id, bytes("second"))).isEqualTo(id);

    assertThat(store.get(id)).isEqualTo(bytes("second"));
    assertThat(store.totalBytes()).isEqualTo(6);
  }

  @Test
  void updatingAnUnknownIdIsRefusedAndCreatesNothing() {
    String kept = store.put(null, bytes("kept"));

    UnknownSessionDataException e =
        catchThrowableOfType(UnknownSessionDataException.class, () -> store.put("no-such-id", bytes("x")));

    assertThat(e.id()).isEqualTo("no-such-id");
    assertThat(e).hasMessageContaining("\"no-such-id\"");
    assertThat(store.totalBytes()).isEqualTo(4);
    assertThat(store.get(kept)).isEqualTo(bytes("kept"));
    assertThatThrownBy(() -> store.get("no-such-id")).isInstanceOf(UnknownSessionDataException.class);
  }

  @Test
  void getAndRemoveOfAnUnknownIdNameTheId() {
    assertThatThrownBy(() -> store.get("abc-123"))
        .isInstanceOf(UnknownSessionDataException.class)
        .hasMessage("no session data with id \"abc-123\"");
    assertThatThrownBy(() -> store.remove("abc-123"))
        .isInstanceOf(UnknownSessionDataException.class)
        .hasMessageContaining("abc-123");
    assertThatThrownBy(() -> store.get(null)).isInstanceOf(UnknownSessionDataException.class);
  }

  @Test
  void removeDeletesTheItemAndFreesItsBytes() {
    String a = store.put(null, new byte[30]);
    String b = store.put(null, new byte[20]);

    store.remove(a);

    assertThat(store.totalBytes()).isEqualTo(20);
    assertThatThrownBy(() -> store.get(a)).isInstanceOf(UnknownSessionDataException.class);
    assertThatThrownBy(() -> store.remove(a)).isInstanceOf(UnknownSessionDataException.class);
    assertThat(store.get(b)).hasSize(20);
  }

  @Test
  void clearRemovesEverything() {
    String a = store.put(null, new byte[30]);
    store.put(null, new byte[20]);

    store.clear();

    assertThat(store.totalBytes()).isZero();
    assertThatThrownBy(() -> store.get(a)).isInstanceOf(UnknownSessionDataException.class);
    assertThat(store.get(store.put(null, new byte[100]))).hasSize(100);
  }

  @Test
  void storedDataCannotBeChangedThroughTheCallersArrays() {
    byte[] given = bytes("abc");
    String id = store.put(null, given);
    given[0] = 'X';
    store.get(id)[1] = 'Y';

    assertThat(store.get(id)).isEqualTo(bytes("abc"));
  }

  @Test
  void anItemLargerThanTheLimitIsRefusedWithTheSizes() {
    DataTooLargeException e =
        catchThrowableOfType(DataTooLargeException.class, () -> store.put(null, new byte[101]));

    assertThat(e.attemptedBytes()).isEqualTo(101);
    assertThat(e.limitBytes()).isEqualTo(100);
    assertThat(e).hasMessageContaining("101 bytes").hasMessageContaining("limit of 100 bytes");
    assertThat(store.totalBytes()).isZero();
  }

  @Test
  void anItemOfExactlyTheLimitFits() {
    assertThat(store.get(store.put(null, new byte[100]))).hasSize(100);
  }

  @Test
  void aCreationThatWouldPushTheTotalOverTheLimitIsRefusedAndChangesNothing() {
    String a = store.put(null, new byte[60]);

    DataTooLargeException e =
        catchThrowableOfType(DataTooLargeException.class, () -> store.put(null, new byte[41]));

    assertThat(e.attemptedBytes()).isEqualTo(101);
    assertThat(e.limitBytes()).isEqualTo(100);
    assertThat(store.totalBytes()).isEqualTo(60);
    assertThat(store.get(a)).hasSize(60);
  }

  @Test
  void anUpdateCountsTheNewSizeInPlaceOfTheOld() {
    String a = store.put(null, new byte[60]);
    String b = store.put(null, new byte[30]);

    store.put(a, new byte[70]);

    assertThat(store.totalBytes()).isEqualTo(100);
    assertThat(store.get(a)).hasSize(70);
    assertThat(store.get(b)).hasSize(30);
  }

  @Test
  void aRefusedUpdateKeepsTheOldContentAndNamesTheId() {
    String a = store.put(null, bytes("old"));
    store.put(null, new byte[90]);

    DataTooLargeException e = catchThrowableOfType(DataTooLargeException.class, () -> store.put(a, new byte[11]));

    assertThat(e).isNotNull();
    assertThat(e.attemptedBytes()).isEqualTo(93 - 3 + 11);
    assertThat(e).hasMessageContaining("\"" + a + "\"");
    assertThat(store.get(a)).isEqualTo(bytes("old"));
    assertThat(store.totalBytes()).isEqualTo(93);
  }

  @Test
  void messagesNeverCarryTheData() {
    String secret = "very-secret-payload";
    store.put(null, new byte[90]);

    DataTooLargeException e =
        catchThrowableOfType(DataTooLargeException.class, () -> store.put(null, bytes(secret)));

    assertThat(e.getMessage()).doesNotContain(secret);
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> new SessionDataStore(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new SessionDataStore(5).maxTotalBytes()).isEqualTo(5);
  }

  @Test
  @Timeout(30)
  void concurrentWritersNeverPushTheTotalOverTheLimitAndTheCountStaysExact() throws Exception {
    SessionDataStore shared = new SessionDataStore(10_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> fillUntilRefused(shared)));
      }
      long expected = 0;
      for (Future<List<String>> result : results) {
        for (String id : result.get()) {
          expected += shared.get(id).length;
        }
      }
      assertThat(shared.totalBytes()).isEqualTo(expected).isLessThanOrEqualTo(10_000);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static List<String> fillUntilRefused(SessionDataStore shared) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      try {
        String id = shared.put(null, new byte[1 + i % 7]);
        if (i % 3 == 0) {
          shared.remove(id);
        } else {
          kept.add(id);
        }
      } catch (DataTooLargeException full) {
        // the limit is shared by all threads: expected once it is reached
      }
    }
    return kept;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
