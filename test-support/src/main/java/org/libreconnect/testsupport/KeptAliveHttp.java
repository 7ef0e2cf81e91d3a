package org.libreconnect.testsupport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on one blocking socket (plain or TLS) that a test keeps open between requests, to see
 * what a server does with a kept-alive connection: each answer's {@code Connection} header, and
 * the connection's end.
 */
public final class KeptAliveHttp {
  private final OutputStream out;
  private final InputStream in;

  public KeptAliveHttp(Socket socket) throws IOException {
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
  }

  /** One answer: its status line, its headers (names in lower case) and its body. */
  public record Answer(String statusLine, Map<String, String> headers, String body) {
    /** The status code. */
    public int status() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }

    /** The {@code Connection} header in lower case; HTTP/1.1's default, "keep-alive", when absent. */
    public String connection() {
      return headers.getOrDefault("connection", "keep-alive").toLowerCase(Locale.ROOT);
    }
  }

  /** Sends a request; {@code head} holds its header lines after {@code Host}, each ending in CRLF. */
  public void send(String method, String path, String head, byte[] body) throws IOException {
    out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + head
        + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Reads the next answer (its body by its Content-Length). */
  public Answer read() throws IOException {
    String status = line();
    Map<String, String> headers = new HashMap<>();
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new EOFException("connection ended in an answer's body");
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Whether the server closed the connection: the next read finds the end of the stream. */
  public boolean endOfStream() throws IOException {
    return in.read() == -1;
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection ended in an answer's head");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
