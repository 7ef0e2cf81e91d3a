package org.libreconnect.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrameTooLargeException;
import org.libreconnect.protocol.link.MalformedLinkFrameException;

class LinkCodecTest {
  private final LinkCodec codec = new LinkCodec(1024);

  @Test
  void roundTripsOverAStream() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    LinkFrame first = new LinkFrame(LinkFrame.Kind.REQUEST, 7, "séssion", "{\"a\":\"é\"}");
    LinkFrame second = new LinkFrame(LinkFrame.Kind.FINAL, Long.MAX_VALUE, "", "");
    codec.write(out, first);
    codec.write(out, second);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(codec.read(in)).isEqualTo(first);
    assertThat(codec.read(in)).isEqualTo(second);
    assertThatThrownBy(() -> codec.read(in)).isInstanceOf(EOFException.class);
  }

  @Test
  void refusesOversizeAndMalformedFrames() {
    assertThatThrownBy(
            () -> codec.encodeBody(new LinkFrame(LinkFrame.Kind.REPLY, 1, "", "x".repeat(2000))))
        .isInstanceOf(LinkFrameTooLargeException.class);
    assertThatThrownBy(() -> codec.decodeBody(ByteBuffer.wrap(new byte[] {1, 2})))
        .isInstanceOf(MalformedLinkFrameException.class);
    ByteBuffer badKind = ByteBuffer.allocate(13).put((byte) 99).putLong(1).putInt(0).flip();
    assertThatThrownBy(() -> codec.decodeBody(badKind)).isInstanceOf(MalformedLinkFrameException.class);
    ByteBuffer badLength = ByteBuffer.allocate(13).put((byte) 0).putLong(1).putInt(50).flip();
    assertThatThrownBy(() -> codec.decodeBody(badLength)).isInstanceOf(MalformedLinkFrameException.class);
  }

  @Test
  void toStringHidesThePayload() {
    assertThat(new LinkFrame(LinkFrame.Kind.REQUEST, 1, "s", "{\"s_pinCode\":\"1234\"}").toString())
        .doesNotContain("1234");
  }
}
