package org.libreconnect.it;

import java.time.Duration;

/** Processor time (user and system) of a process, as the operating system counts it. */
final class ProcessCpu {
  private ProcessCpu() {}

  /** The processor time of process {@code pid} so far, in milliseconds (0 once it is gone). */
  static double millis(long pid) {
    return ProcessHandle.of(pid).map(ProcessCpu::millis).orElse(0.0);
  }

  /** The same, summed over the process's descendants (a master's workers). */
  static double descendantsMillis(long pid) {
    return ProcessHandle.of(pid).stream()
        .flatMap(ProcessHandle::descendants)
        .mapToDouble(ProcessCpu::millis)
        .sum();
  }

  private static double millis(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e6;
  }
}
