package org.libreconnect.worker.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two stores on one directory, as two worker processes of the same application would be. */
class PersistentDataStoreConcurrencyTest {

  private static final int BLOB_BYTES = 512 * 1024;
  private static final int WRITES_PER_WRITER = 150;

  @TempDir Path directory;

  @Test
  @Timeout(120)
  void readersOnlyEverSeeOneWholeBlob() throws Exception {
    byte[] blobA = filled((byte) 0x11);
    byte[] blobB = filled((byte) 0x22);
    PersistentDataStore first = new PersistentDataStore(directory, BLOB_BYTES);
    PersistentDataStore second = new PersistentDataStore(directory, BLOB_BYTES);
    first.put("app", blobA);

    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?> writerOne = pool.submit(writer(first, blobA, blobB));
      Future<?> writerTwo = pool.submit(writer(second, blobB, blobA));
      Future<Integer> readerOne = pool.submit(reader(first, writing));
      Future<Integer> readerTwo = pool.submit(reader(second, writing));

      writerOne.get();
      writerTwo.get();
      writing.set(false);

      assertThat(readerOne.get() + readerTwo.get()).as("reads done while writing").isPositive();
    } finally {
      writing.set(false);
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(kindOf(first.get("app"))).isIn("A", "B");
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).as("no temporary file left").hasSize(1);
    }
  }

  private static Callable<Void> writer(PersistentDataStore store, byte[] one, byte[] other) {
    return () -> {
      for (int i = 0; i < WRITES_PER_WRITER; i++) {
        store.put("app", i % 2 == 0 ? one : other);
      }
      return null;
    };
  }

  private static Callable<Integer> reader(PersistentDataStore store, AtomicBoolean writing) {
    return () -> {
      int reads = 0;
      List<String> torn = new ArrayList<>();
      while (writing.get()) {
        String kind = kindOf(store.get("app"));
        if (!kind.equals("A") && !kind.equals("B")) {
          torn.add(kind);
        }
        reads++;
      }
      assertThat(torn).as("partial or mixed blobs seen").isEmpty();
      return reads;
    };
  }

  /** "A" or "B" for a whole blob, otherwise a description of what was read. */
  private static String kindOf(byte[] read) throws IOException {
    if (read.length == BLOB_BYTES) {
      if (allEqual(read, (byte) 0x11)) {
        return "A";
      }
      if (allEqual(read, (byte) 0x22)) {
        return "B";
      }
    }
    return "length " + read.length + " starting " + (read.length > 0 ? read[0] : "-") + " ending "
        + (read.length > 0 ? read[read.length - 1] : "-");
  }

  private static boolean allEqual(byte[] read, byte value) {
    for (byte b : read) {
      if (b != value) {
        return false;
      }
    }
    return true;
  }

  private static byte[] filled(byte value) {
    byte[] blob = new byte[BLOB_BYTES];
    Arrays.fill(blob, value);
    return blob;
  }
}
