package org.libreconnect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.libreconnect.protocol.WireJson;
import org.libreconnect.protocol.command.DataCommands.SessionDataAnswer;
import org.libreconnect.protocol.link.LinkCodec;
import org.libreconnect.protocol.link.LinkFrame;
import org.libreconnect.protocol.link.LinkFrame.Kind;

class RepliesTest {
  private final WireJson wire = new WireJson();
  private final InMemoryLinkPeer peer = new InMemoryLinkPeer(new LinkCodec(1024));
  private final Replies replies = new Replies(peer, wire, new WorkerErrors());
  private final LinkFrame request = new LinkFrame(Kind.REQUEST, 7, "s-1", "{}");

  @Test
  void anAnswerTooLargeForTheLinkBecomesAnErrorAnswer() {
    replies.ok(request, new SessionDataAnswer("A".repeat(2000)));

    LinkFrame sent = peer.sent().getFirst();
    assertThat(peer.sent()).hasSize(1);
    assertThat(sent.kind()).isEqualTo(Kind.FINAL);
    assertThat(sent.id()).isEqualTo(7);
    assertThat(sent.sessionId()).isEqualTo("s-1");
    assertThat(wire.readObject(sent.payload()).get("s_apiErrorDescription").asText())
        .isEqualTo("The answer is larger than the connector can send");
  }

  @Test
  void anEventTooLargeForTheLinkEndsTheStream() {
    assertThat(replies.event(request, new SessionDataAnswer("A".repeat(2000)))).isFalse();
    assertThat(peer.sent()).singleElement().extracting(LinkFrame::kind).isEqualTo(Kind.FINAL);
  }
}
