package com.consultchat.bench;

import java.net.http.WebSocket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A client socket speaking XMPP over WebSocket (RFC 7395) to the peer server: it opens the stream,
 * authenticates with SASL PLAIN, opens it again, binds a resource and sends initial presence, and
 * is then ready to chat with one peer. XMPP acknowledges nothing and numbers nothing, so each
 * message carries its sender's own sequence number, and {@link #conversation} is the peer's
 * account: the stream of sequence numbers this socket receives and is checked against (XMPP keeps
 * order per sender and recipient, which is what the check needs).
 */
final class XmppSocket extends BenchSocket {

  private static final String BIND_ID = "bind";
  private static final String PING_ID = "ping";

  private enum Stage {
    AUTHENTICATING,
    BINDING,
    CHATTING
  }

  private final String domain;
  private final String username;
  private final String peerJid;
  private final String peerPrefix;
  private final AtomicLong lastSeq = new AtomicLong();
  private Stage stage = Stage.AUTHENTICATING;

  XmppSocket(
      int index,
      long me,
      long peer,
      String username,
      String peerUsername,
      String domain,
      Supplier<Traffic> traffic) {
    super(index, me, peer, traffic);
    this.domain = domain;
    this.username = username;
    this.peerJid = peerUsername + "@" + domain;
    this.peerPrefix = peerJid + "/";
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    super.onOpen(webSocket);
    enqueue(XmppFrames.open(domain));
  }

  @Override
  String pingFrame() {
    return XmppFrames.ping(domain, PING_ID);
  }

  /** Sends a chat message to the peer's bare JID; returns its stanza id. */
  @Override
  String post(int number) {
    String id = Frames.clientId();
    long seq = lastSeq.incrementAndGet();
    long now = System.nanoTime();
    traffic().sentWithoutAck(me, seq);
    enqueue(XmppFrames.chat(peerJid, id, XmppFrames.body(now, number, seq)));
    return id;
  }

  @Override
  void handle(String frame, long now) {
    switch (XmppFrames.name(frame)) {
      case "message" -> message(frame, now);
      case "iq" -> iq(frame, now);
      case "stream:features", "features" -> features(frame);
      case "success" -> {
        // RFC 6120 restarts the stream after authentication; RFC 7395 with a new <open/>.
        stage = Stage.BINDING;
        enqueue(XmppFrames.open(domain));
      }
      case "failure" -> fail("authentication failed: " + frame);
      case "stream:error", "close" -> fail("stream closed by the server: " + frame);
      case "open", "presence" -> {
        // The server's half of each stream start; presence of no interest (no roster).
      }
      default -> traffic().problem("xmpp-" + XmppFrames.name(frame));
    }
  }

  private void features(String frame) {
    if (stage == Stage.AUTHENTICATING) {
      if (!frame.contains(">PLAIN<")) {
        fail("the server offers no SASL PLAIN: " + frame);
        return;
      }
      enqueue(XmppFrames.authPlain(username, Logins.PASSWORD));
    } else if (stage == Stage.BINDING) {
      enqueue(XmppFrames.bind(BIND_ID, "bench"));
    }
  }

  private void iq(String frame, long now) {
    String id = XmppFrames.attribute(frame, "id");
    boolean result = "result".equals(XmppFrames.attribute(frame, "type"));
    if (PING_ID.equals(id)) {
      pong(now);
    } else if (BIND_ID.equals(id) && result && stage == Stage.BINDING) {
      stage = Stage.CHATTING;
      enqueue(XmppFrames.presence());
      ready.complete(this);
    } else if (BIND_ID.equals(id)) {
      fail("resource binding failed: " + frame);
    } else {
      traffic().problem("xmpp-iq-" + XmppFrames.attribute(frame, "type"));
    }
  }

  private void message(String frame, long now) {
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
    long seq = XmppFrames.seq(body);
    if (seq < 1) {
      current.problem("xmpp-unreadable-body");
      return;
    }
    received((int) seq, false, body, now);
  }

  private void fail(String why) {
    traffic().problem("xmpp-stream-failed");
    ready.completeExceptionally(new IllegalStateException(username + ": " + why));
  }
}
