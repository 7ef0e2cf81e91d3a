package org.libreconnect.simulator.card;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The reader side of vpcd's protocol on a loopback port, scripted by the test. */
final class FakeVpcd implements AutoCloseable {
  private final ServerSocket server;
  private Socket card;
  private DataInputStream in;
  private DataOutputStream out;

  FakeVpcd() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  void acceptCard() throws IOException {
    card = server.accept();
    card.setSoTimeout(5000);
    in = new DataInputStream(card.getInputStream());
    out = new DataOutputStream(card.getOutputStream());
  }

  void send(byte[] payload) throws IOException {
    out.writeShort(payload.length);
    out.write(payload);
    out.flush();
  }

  byte[] receive() throws IOException {
    byte[] payload = new byte[in.readUnsignedShort()];
    in.readFully(payload);
    return payload;
  }

  /** Reads until the card closes its end; true when it did. */
  boolean cardHungUp() throws IOException {
    return in.read() == -1;
  }

  void dropCard() throws IOException {
    card.close();
  }

  @Override
  public void close() throws IOException {
    if (card != null) {
      card.close();
    }
    server.close();
  }
}
