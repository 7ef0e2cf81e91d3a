package org.libreconnect.diagnostics;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;

/**
 * Whether an NTP server answers (one SNTP request, RFC 4330) and how far the system clock is from
 * it. The DMP refuses requests dated too far from its own clock, so a large offset fails too.
 */
public final class NtpCheck implements LiveCheck {
  /** Offset above which the check fails: the DMP's assertions tolerate a few minutes at most. */
  public static final Duration MAX_OFFSET = Duration.ofSeconds(60);

  private static final long SECONDS_1900_TO_1970 = 2_208_988_800L;

  private final String server;
  private final int port;
  private final Duration timeout;
  private final Clock clock;

  public NtpCheck(String server, int port, Duration timeout) {
    this(server, port, timeout, Clock.systemUTC());
  }

  NtpCheck(String server, int port, Duration timeout, Clock clock) {
    this.server = server;
    this.port = port;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "NTP server " + server + ":" + port;
  }

  @Override
  public CheckResult run() {
    String name = name();
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout((int) timeout.toMillis());
      InetAddress address = InetAddress.getByName(server);
      byte[] request = new byte[48];
      request[0] = 0x23; // LI 0, version 4, mode 3 (client)
      long t1 = clock.millis();
      putTimestamp(request, 40, t1);
      socket.send(new DatagramPacket(request, request.length, address, port));
      byte[] buffer = new byte[48];
      DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
      socket.receive(answer);
      long t4 = clock.millis();
      int mode = buffer[0] & 0x7;
      int stratum = buffer[1] & 0xff;
      if (answer.getLength() < 48 || mode != 4 || stratum == 0) {
        return CheckResult.failed(name, "the answer is not a usable NTP answer (stratum " + stratum + ")",
            "Set an NTP server that is synchronised (the default pool servers, or the one the network administrator gives).");
      }
      long t2 = timestamp(buffer, 32);
      long t3 = timestamp(buffer, 40);
      long offset = ((t2 - t1) + (t3 - t4)) / 2;
      String detail = "answered; system clock offset " + offset + " ms (stratum " + stratum + ")";
      if (Math.abs(offset) > MAX_OFFSET.toMillis()) {
        return CheckResult.failed(name, detail,
            "Set this computer's clock right (or let the connector use this NTP server): the DMP refuses requests from a clock this far off.");
      }
      return CheckResult.ok(name, detail);
    } catch (UnknownHostException e) {
      return CheckResult.failed(name, "the name does not resolve",
          "Check the NTP server name in the Settings, or the DNS server of this computer.");
    } catch (SocketTimeoutException e) {
      return CheckResult.failed(name, "no answer within " + timeout.toMillis() + " ms",
          "Ask the network administrator to open outgoing UDP port " + port + " to this server, or set the NTP server of the local network in the Settings.");
    } catch (IOException e) {
      return CheckResult.failed(name, "no answer (" + Messages.brief(e) + ")",
          "Ask the network administrator to open outgoing UDP port " + port + " to this server, or set the NTP server of the local network in the Settings.");
    }
  }

  private static void putTimestamp(byte[] packet, int offset, long millis) {
    long seconds = millis / 1000 + SECONDS_1900_TO_1970;
    long fraction = ((millis % 1000) << 32) / 1000;
    ByteBuffer.wrap(packet, offset, 8).putInt((int) seconds).putInt((int) fraction);
  }

  private static long timestamp(byte[] packet, int offset) {
    ByteBuffer b = ByteBuffer.wrap(packet, offset, 8);
    long seconds = b.getInt() & 0xffffffffL;
    long fraction = b.getInt() & 0xffffffffL;
    return (seconds - SECONDS_1900_TO_1970) * 1000 + ((fraction * 1000) >>> 32);
  }
}
