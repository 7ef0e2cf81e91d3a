package org.libreconnect.master.worker;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import org.libreconnect.protocol.link.LinkCodec;

/**
 * Splits the link's byte stream into frames. Until the worker has proved its token, a frame may
 * be no longer than {@link #PRE_AUTHENTICATION_LIMIT}: an unknown local process cannot make the
 * master buffer a large frame. After that, the link's full frame size applies.
 */
final class LinkFrameDecoder extends LengthFieldBasedFrameDecoder {
  /** Largest frame before authentication; the hello frame is about 150 bytes. */
  static final int PRE_AUTHENTICATION_LIMIT = 4096;

  private volatile int limit = PRE_AUTHENTICATION_LIMIT;

  LinkFrameDecoder(int maxFrameBytes) {
    super(
        maxFrameBytes + LinkCodec.LENGTH_FIELD_BYTES,
        0,
        LinkCodec.LENGTH_FIELD_BYTES,
        0,
        LinkCodec.LENGTH_FIELD_BYTES);
  }

  /** The worker proved itself: frames up to the link's full size are accepted from now on. */
  void authenticated(int maxFrameBytes) {
    limit = maxFrameBytes;
  }

  @Override
  protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
    if (in.readableBytes() >= LinkCodec.LENGTH_FIELD_BYTES) {
      long length = in.getUnsignedInt(in.readerIndex());
      if (length > limit) {
        in.skipBytes(in.readableBytes());
        throw new TooLongFrameException(
            "link frame of " + length + " bytes exceeds the limit of " + limit + " bytes");
      }
    }
    return super.decode(ctx, in);
  }
}
