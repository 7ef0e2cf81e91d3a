package org.libreconnect.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.protocol.link.LinkFrame;

/** The master link over a loopback TCP socket, framed by {@link LinkCodec}. */
public final class SocketLinkPeer implements LinkPeer {
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final LinkCodec codec;
  private final DataInputStream in;
  private final DataOutputStream out;
  private final Object writeLock = new Object();

  private SocketLinkPeer(Socket socket, LinkCodec codec) throws IOException {
    this.socket = socket;
    this.codec = codec;
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
  }

  /** Connects to the master's link port on 127.0.0.1. */
  public static SocketLinkPeer connect(int port, LinkCodec codec) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
      return new SocketLinkPeer(socket, codec);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  @Override
  public void send(LinkFrame frame) throws IOException {
    synchronized (writeLock) {
      codec.write(out, frame);
    }
  }

  @Override
  public LinkFrame receive() throws IOException {
    return codec.read(in);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
