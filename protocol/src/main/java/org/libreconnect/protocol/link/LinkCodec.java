package org.libreconnect.protocol.link;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Binary framing of {@link LinkFrame}s on a byte stream:
 *
 * <pre>
 * int32  length of what follows
 * int8   kind (ordinal)
 * int64  id
 * int32  session id length, then UTF-8 bytes
 * rest   payload, UTF-8 JSON
 * </pre>
 *
 * The blocking helpers serve the worker; the master's Netty pipeline splits frames on the same
 * length prefix and calls {@link #decodeBody}.
 */
public final class LinkCodec {
  /** Bytes of the length prefix. */
  public static final int LENGTH_FIELD_BYTES = 4;

  private static final LinkFrame.Kind[] KINDS = LinkFrame.Kind.values();

  private final int maxFrameBytes;

  /** A codec refusing frames longer than {@code maxFrameBytes} (prefix excluded). */
  public LinkCodec(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /** The frame without its length prefix. */
  public byte[] encodeBody(LinkFrame frame) {
    byte[] session = frame.sessionId().getBytes(StandardCharsets.UTF_8);
    byte[] payload = frame.payload().getBytes(StandardCharsets.UTF_8);
    int length = 1 + 8 + 4 + session.length + payload.length;
    if (length > maxFrameBytes) {
      throw new LinkFrameTooLargeException(length, maxFrameBytes);
    }
    ByteBuffer buffer = ByteBuffer.allocate(length);
    buffer.put((byte) frame.kind().ordinal());
    buffer.putLong(frame.id());
    buffer.putInt(session.length);
    buffer.put(session);
    buffer.put(payload);
    return buffer.array();
  }

  /** Decodes a frame body (length prefix already removed). */
  public LinkFrame decodeBody(ByteBuffer body) {
    if (body.remaining() < 13) {
      throw new MalformedLinkFrameException("frame shorter than its header");
    }
    int kindIndex = body.get() & 0xff;
    if (kindIndex >= KINDS.length) {
      throw new MalformedLinkFrameException("unknown frame kind " + kindIndex);
    }
    long id = body.getLong();
    int sessionLength = body.getInt();
    if (sessionLength < 0 || sessionLength > body.remaining()) {
      throw new MalformedLinkFrameException("bad session id length " + sessionLength);
    }
    byte[] session = new byte[sessionLength];
    body.get(session);
    byte[] payload = new byte[body.remaining()];
    body.get(payload);
    return new LinkFrame(
        KINDS[kindIndex],
        id,
        new String(session, StandardCharsets.UTF_8),
        new String(payload, StandardCharsets.UTF_8));
  }

  /** Writes one frame with its length prefix; the caller serialises concurrent writers. */
  public void write(DataOutputStream out, LinkFrame frame) throws IOException {
    byte[] body = encodeBody(frame);
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  /**
   * Reads one frame.
   *
   * @throws EOFException when the stream ends cleanly between frames
   */
  public LinkFrame read(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > maxFrameBytes) {
      throw new LinkFrameTooLargeException(length, maxFrameBytes);
    }
    byte[] body = new byte[length];
    in.readFully(body);
    return decodeBody(ByteBuffer.wrap(body));
  }
}
