package org.libreconnect.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Log files in a test directory; records the levels it is given. */
public final class RecordingLogControl implements LogControl {
  private final Path directory;
  public final List<int[]> levels = new ArrayList<>();

  public RecordingLogControl(Path directory) {
    this.directory = directory;
  }

  @Override
  public Path serviceLog() {
    return directory.resolve("service.log");
  }

  @Override
  public Path connectorLog() {
    return directory.resolve("connector.log");
  }

  /** The test writes these files itself: nothing waits. */
  @Override
  public void flush() {}

  @Override
  public synchronized void setLevels(int serviceLevel, int connectorLevel) {
    levels.add(new int[] {serviceLevel, connectorLevel});
  }
}
