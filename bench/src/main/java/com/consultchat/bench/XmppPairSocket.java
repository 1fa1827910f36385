package com.consultchat.bench;

import java.util.function.Supplier;

/**
 * An XMPP client that chats with one peer, the other person of its pair: after binding it sends
 * initial presence and is ready. {@link #conversation} is the peer's account, which is also the
 * stream of sequence numbers this socket receives and is checked against.
 */
final class XmppPairSocket extends XmppSocket {

  private final String peerJid;
  private final String peerPrefix;

  XmppPairSocket(
      int index,
      long me,
      long peer,
      String username,
      String peerUsername,
      String domain,
      Supplier<Traffic> traffic) {
    super(index, me, peer, username, domain, traffic);
    this.peerJid = peerUsername + "@" + domain;
    this.peerPrefix = peerJid + "/";
  }

  @Override
  void bound() {
    enqueue(XmppFrames.presence());
    ready.complete(this);
  }

  /** Sends a chat message to the peer's bare JID; returns its stanza id. */
  @Override
  String post(int number) {
    String id = Frames.clientId();
    long seq = nextSeq();
    long now = System.nanoTime();
    traffic().sentWithoutAck(me, seq);
    enqueue(XmppFrames.chat(peerJid, id, XmppFrames.body(now, number, seq)));
    return id;
  }

  @Override
  void message(String frame, long now) {
    Traffic current = traffic();
    if ("error".equals(XmppFrames.attribute(frame, "type"))) {
      // The server could not deliver one of this socket's messages.
      current.problem("xmpp-message-error");
      return;
    }
    String from = XmppFrames.attribute(frame, "from");
    String body = XmppFrames.text(frame, "body");
    if (body == null || from == null || !(from.equals(peerJid) || from.startsWith(peerPrefix))) {
      current.foreign.increment();
      return;
    }
    long seq = seqOf(body);
    if (seq > 0) {
      received((int) seq, false, body, now);
    }
  }
}
