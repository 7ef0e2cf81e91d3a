package org.libreconnect.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A TCP port for a server a test starts: one the system had free a moment ago. */
public final class FreePort {
  private FreePort() {}

  /**
   * A port nothing listened on when asked, found by binding the loopback interface (the one test
   * servers listen on) to port 0 and closing at once; another process may take it before the test
   * does.
   */
  public static int onLoopback() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
