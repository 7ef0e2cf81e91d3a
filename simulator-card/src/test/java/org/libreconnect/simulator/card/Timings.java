package org.libreconnect.simulator.card;

import java.util.Arrays;

/** Median and 90th percentile of repeated calls, for the timings the tests print. */
final class Timings {
  private Timings() {}

  interface Call {
    void run() throws Exception;
  }

  static String measure(String name, int repetitions, Call call) throws Exception {
    call.run();
    long[] micros = new long[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      call.run();
      micros[i] = (System.nanoTime() - start) / 1000;
    }
    Arrays.sort(micros);
    String line =
        String.format(
            "timing %s: median %.2f ms, p90 %.2f ms (%d runs)",
            name,
            micros[repetitions / 2] / 1000.0,
            micros[repetitions * 9 / 10] / 1000.0,
            repetitions);
    System.out.println(line);
    return line;
  }
}
