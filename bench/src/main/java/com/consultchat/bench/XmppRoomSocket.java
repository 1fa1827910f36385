package com.consultchat.bench;

import java.util.function.Supplier;

/**
 * An occupant of one multi-user chat room (XEP-0045) on the peer server, under its username as
 * nickname. It joins without history and is ready at its self-presence (status 110), posts
 * groupchat messages, and receives every message the room sends out, its own included. XMPP has no
 * per-message ack; the room's copy of the sender's own message (archived, then sent to every
 * occupant) stands in for ConsultChat's ack, and resolves the message as an ack does. {@link
 * #conversation} is the room, under which the sender's sequence numbers are recorded.
 */
final class XmppRoomSocket extends XmppSocket {

  private final String roomJid;
  private final String occupants;
  private final String self;

  XmppRoomSocket(
      int index, long me, long room, String username, String domain, Supplier<Traffic> traffic) {
    super(index, me, room, username, domain, traffic);
    this.roomJid = name(room) + "@" + service(domain);
    this.occupants = roomJid + "/";
    this.self = occupants + username;
  }

  /** The local part of the room's JID; the harness creates the room under it. */
  static String name(long room) {
    return "room-" + room;
  }

  /** mod_muc's default service address. */
  static String service(String domain) {
    return "conference." + domain;
  }

  @Override
  void bound() {
    enqueue(XmppFrames.join(self));
  }

  @Override
  void presence(String frame) {
    if (!self.equals(XmppFrames.attribute(frame, "from"))) {
      // The room's own presence (its capabilities), sent with every join.
      return;
    }
    if ("error".equals(XmppFrames.attribute(frame, "type"))) {
      fail("the room refused the join: " + frame);
    } else if (XmppFrames.hasStatus(frame, 110)) {
      ready.complete(this);
    }
  }

  /** Sends a groupchat message to the room; returns its stanza id. */
  @Override
  String post(int number) {
    String id = Frames.clientId();
    long now = System.nanoTime();
    traffic().sent(id, now);
    enqueue(XmppFrames.groupchat(roomJid, id, XmppFrames.body(now, number, nextSeq())));
    return id;
  }

  @Override
  void message(String frame, long now) {
    Traffic current = traffic();
    String type = XmppFrames.attribute(frame, "type");
    if ("error".equals(type)) {
      current.problem("xmpp-message-error");
      return;
    }
    String body = XmppFrames.text(frame, "body");
    if (body == null) {
      // The room's subject, sent to every occupant as it joins.
      return;
    }
    String from = XmppFrames.attribute(frame, "from");
    if (!"groupchat".equals(type) || from == null || !from.startsWith(occupants)) {
      current.foreign.increment();
      return;
    }
    long seq = seqOf(body);
    if (seq < 1) {
      return;
    }
    boolean own = from.equals(self);
    if (own) {
      String id = XmppFrames.attribute(frame, "id");
      if (id == null) {
        current.problem("xmpp-own-copy-without-id");
      } else {
        current.acked(id, conversation, seq, false, now);
      }
    }
    received((int) seq, own, body, now);
  }
}
