package org.libreconnect.simulator.card;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.HexFormat;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a simulated card into a real pcscd reader through the vsmartcard {@code vpcd} driver: the
 * card side of vpcd's TCP protocol. Connecting is inserting the card, closing is removing it.
 *
 * <p>Frames in both directions are a big-endian uint16 length and a payload. A one-byte payload
 * from vpcd is a control code (0 power off, 1 power on, 2 reset, 4 ATR request); anything longer is
 * a command APDU, answered by the response APDU. TCP_QUICKACK is re-armed before every read:
 * without it every APDU stalls about 40 ms on delayed ACKs.
 */
public final class VpcdCardConnection implements SimulatedReader {
  /** vpcd's first port on this machine, the reader {@code Virtual PCD 00 00}. */
  public static final InetSocketAddress DEFAULT_ADDRESS =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 35963);

  private static final Logger log = LoggerFactory.getLogger(VpcdCardConnection.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 2000;
  private static final byte POWER_OFF = 0;
  private static final byte POWER_ON = 1;
  private static final byte RESET = 2;
  private static final byte GET_ATR = 4;
  private static final byte[] SW_NO_PRECISE_DIAGNOSIS = {0x6F, 0x00};

  private final CardChip card;
  private final InetSocketAddress address;
  private Socket socket;
  private Thread reader;

  VpcdCardConnection(CardChip card, InetSocketAddress address) {
    this.card = card;
    this.address = address;
  }

  /** Connects to vpcd, failing at once when nothing listens there. */
  @Override
  public void insert() throws IOException {
    insert(Duration.ZERO);
  }

  /** Connects to vpcd, retrying every 100 ms for up to {@code patience} while nothing listens. */
  public synchronized void insert(Duration patience) throws IOException {
    if (isCardInserted()) {
      return;
    }
    card.claim(this);
    try {
      socket = connect(patience);
    } catch (IOException e) {
      card.release(this);
      throw e;
    }
    card.reset();
    Socket connected = socket;
    reader =
        Thread.ofPlatform()
            .name("vpcd-card-" + address.getPort())
            .daemon(true)
            .start(() -> serve(connected));
    log.info("card.inserted vpcd={} atr={}", address, HexFormat.of().formatHex(card.atr()));
  }

  @Override
  public void remove() {
    Thread stopped;
    synchronized (this) {
      if (socket == null) {
        return;
      }
      closeQuietly(socket);
      socket = null;
      stopped = reader;
      reader = null;
    }
    try {
      stopped.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    card.reset();
    card.release(this);
    log.info("card.removed vpcd={}", address);
  }

  @Override
  public synchronized boolean isCardInserted() {
    return socket != null && reader != null && reader.isAlive();
  }

  /** Blocks until vpcd closes the connection or the card is removed. */
  public void awaitDisconnection() throws InterruptedException {
    Thread current;
    synchronized (this) {
      current = reader;
    }
    if (current != null) {
      current.join();
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  @Override
  public String toString() {
    return "vpcd at " + address;
  }

  private Socket connect(Duration patience) throws IOException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      Socket candidate = new Socket();
      try {
        candidate.connect(address, CONNECT_TIMEOUT_MILLIS);
        candidate.setTcpNoDelay(true);
        return candidate;
      } catch (IOException e) {
        candidate.close();
        if (System.nanoTime() >= deadline) {
          throw new IOException(
              "vpcd is not listening on "
                  + address
                  + " (is pcscd running with the vsmartcard-vpcd driver?)",
              e);
        }
        sleep(100);
      }
    }
  }

  private void serve(Socket connected) {
    try (connected) {
      boolean quickAck = connected.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
      DataInputStream in = new DataInputStream(new BufferedInputStream(connected.getInputStream()));
      OutputStream out = connected.getOutputStream();
      while (true) {
        if (quickAck) {
          connected.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        }
        byte[] message = new byte[in.readUnsignedShort()];
        in.readFully(message);
        byte[] answer = message.length == 1 ? control(message[0]) : apdu(message);
        if (answer != null) {
          byte[] frame = new byte[answer.length + 2];
          frame[0] = (byte) (answer.length >> 8);
          frame[1] = (byte) answer.length;
          System.arraycopy(answer, 0, frame, 2, answer.length);
          out.write(frame);
          out.flush();
        }
      }
    } catch (EOFException e) {
      log.info("card.disconnected vpcd={} reason=\"vpcd closed the connection\"", address);
    } catch (SocketException e) {
      log.info("card.disconnected vpcd={} reason=\"{}\"", address, e.getMessage());
    } catch (IOException e) {
      log.warn("card.io_failed vpcd={} error=\"{}\"", address, e.toString());
    }
  }

  private byte[] control(byte code) {
    switch (code) {
      case POWER_OFF, POWER_ON, RESET -> {
        card.reset();
        return null;
      }
      case GET_ATR -> {
        return card.atr();
      }
      default -> {
        log.warn("vpcd.unknown_control code={}", code);
        return null;
      }
    }
  }

  private byte[] apdu(byte[] command) {
    try {
      return card.transmit(command);
    } catch (RuntimeException e) {
      // Always answer: a PC/SC client waits forever for a response that never comes.
      log.warn(
          "card.apdu_failed ins={} error=\"{}\"",
          command.length > 1 ? String.format("%02X", command[1]) : "?",
          e.toString());
      return SW_NO_PRECISE_DIAGNOSIS.clone();
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for vpcd", e);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("vpcd.close_failed error=\"{}\"", e.toString());
    }
  }
}
