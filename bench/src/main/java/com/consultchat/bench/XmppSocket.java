package com.consultchat.bench;

import java.net.http.WebSocket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A client socket speaking XMPP over WebSocket (RFC 7395) to the peer server: it opens the stream,
 * authenticates with SASL PLAIN, opens it again and binds a resource; what it does then, chat with
 * one peer ({@link XmppPairSocket}) or sit in a room ({@link XmppRoomSocket}), is up to its kind.
 * XMPP numbers nothing, so each message carries its sender's own sequence number, the stream that
 * receivers are checked against (XMPP keeps order per sender and recipient, which is what the check
 * needs).
 */
abstract class XmppSocket extends BenchSocket {

  private static final String BIND_ID = "bind";
  private static final String PING_ID = "ping";

  private enum Stage {
    AUTHENTICATING,
    BINDING,
    BOUND
  }

  final String domain;
  final String username;
  private final AtomicLong lastSeq = new AtomicLong();
  private Stage stage = Stage.AUTHENTICATING;

  XmppSocket(
      int index,
      long me,
      long conversation,
      String username,
      String domain,
      Supplier<Traffic> traffic) {
    super(index, me, conversation, traffic);
    this.domain = domain;
    this.username = username;
  }

  /** The resource is bound: send what makes the socket ready, or complete {@link #ready}. */
  abstract void bound();

  /** A message stanza from the server, received at {@code now}. */
  abstract void message(String frame, long now);

  /** Presence from the server; none interests a socket without a room (there is no roster). */
  void presence(String frame) {}

  /** This socket's next sequence number, for the body of its next message. */
  long nextSeq() {
    return lastSeq.incrementAndGet();
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

  @Override
  void handle(String frame, long now) {
    switch (XmppFrames.name(frame)) {
      case "message" -> message(frame, now);
      case "presence" -> presence(frame);
      case "iq" -> iq(frame, now);
      case "stream:features", "features" -> features(frame);
      case "success" -> {
        // RFC 6120 restarts the stream after authentication; RFC 7395 with a new <open/>.
        stage = Stage.BINDING;
        enqueue(XmppFrames.open(domain));
      }
      case "failure" -> fail("authentication failed: " + frame);
      case "stream:error", "close" -> fail("stream closed by the server: " + frame);
      case "open" -> {
        // The server's half of each stream start.
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
      stage = Stage.BOUND;
      bound();
    } else if (BIND_ID.equals(id)) {
      fail("resource binding failed: " + frame);
    } else {
      traffic().problem("xmpp-iq-" + XmppFrames.attribute(frame, "type"));
    }
  }

  /** The sequence number in a received body, or -1 after counting it as a problem. */
  long seqOf(String body) {
    long seq = XmppFrames.seq(body);
    if (seq < 1) {
      traffic().problem("xmpp-unreadable-body");
    }
    return seq;
  }

  void fail(String why) {
    traffic().problem("xmpp-stream-failed");
    ready.completeExceptionally(new IllegalStateException(username + ": " + why));
  }
}
