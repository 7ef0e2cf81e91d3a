package org.libreconnect.dmp.time;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.TimeInfo;

/** Asks an NTP server for the clock offset with commons-net's {@link NTPUDPClient}. */
public final class NtpTimeSource implements TimeSource {
  private final String host;
  private final int port;
  private final Duration timeout;

  public NtpTimeSource(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
  }

  @Override
  public Duration offset() {
    String server = host + ":" + port;
    NTPUDPClient client = new NTPUDPClient();
    client.setDefaultTimeout(timeout);
    try {
      client.open();
      TimeInfo info = client.getTime(InetAddress.getByName(host), port);
      info.computeDetails();
      Long offset = info.getOffset();
      if (offset == null || info.getMessage().getStratum() == 0) {
        throw new TimeUnavailableException(server,
            "The time server " + server + " gave no usable time (unsynchronised or kiss-of-death)", null);
      }
      return Duration.ofMillis(offset);
    } catch (UnknownHostException e) {
      throw new TimeUnavailableException(server, "The time server " + host + " cannot be resolved", e);
    } catch (IOException e) {
      throw new TimeUnavailableException(server,
          "The time server " + server + " did not answer within " + timeout.toMillis() + " ms", e);
    } finally {
      client.close();
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
