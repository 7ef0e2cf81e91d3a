package org.libreconnect.master.worker;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.protocol.link.LinkFrame;

/** Turns length-delimited link frames into {@link LinkFrame}s and back. */
final class LinkFrameCodec extends MessageToMessageCodec<ByteBuf, LinkFrame> {
  private final LinkCodec codec;

  LinkFrameCodec(LinkCodec codec) {
    this.codec = codec;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, LinkFrame frame, List<Object> out) {
    out.add(ctx.alloc().buffer().writeBytes(codec.encodeBody(frame)));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf body, List<Object> out) {
    out.add(codec.decodeBody(body.nioBuffer()));
  }
}
