package com.consultchat.messaging.boundary;

import com.consultchat.consultation.boundary.ConsultationSummary;
import java.time.Instant;
import java.util.List;

/** Everything the server sends over the socket; each record names its type for the browser. */
public sealed interface ServerFrame {

  String type();

  /** The socket is registered: from now on nothing committed is missed, so catching up is safe. */
  record Ready(String type, long me) implements ServerFrame {
    public Ready(long me) {
      this("ready", me);
    }
  }

  /**
   * The sender's message is stored under {@code seq}; {@code resend} if it had been stored before.
   */
  record Ack(
      String type, String clientId, long conversation, long seq, Instant sentAt, boolean resend)
      implements ServerFrame {
    public Ack(ChatMessage message, boolean resend) {
      this(
          "ack",
          message.clientId(),
          message.conversation(),
          message.seq(),
          message.sentAt(),
          resend);
    }
  }

  record Message(String type, ChatMessage message) implements ServerFrame {
    public Message(ChatMessage message) {
      this("message", message);
    }
  }

  /** A stored message changed (removed by a moderator): replace the copy with this seq. */
  record Changed(String type, ChatMessage message) implements ServerFrame {
    public Changed(ChatMessage message) {
      this("changed", message);
    }
  }

  /**
   * The sender's post is held for review: it leaves the outbox but has no seq until a moderator
   * releases it.
   */
  record Held(String type, String clientId, long conversation) implements ServerFrame {
    public Held(String clientId, long conversation) {
      this("held", clientId, conversation);
    }
  }

  /** A participant (under their alias in this conversation) is writing. */
  record Typing(String type, long conversation, long member, String name) implements ServerFrame {
    public Typing(com.consultchat.messaging.boundary.Typing typing) {
      this("typing", typing.conversation(), typing.member(), typing.name());
    }
  }

  /** A participant (under their alias in this conversation) came online or went offline. */
  record Presence(String type, long conversation, long member, boolean online)
      implements ServerFrame {
    public Presence(long conversation, long member, boolean online) {
      this("presence", conversation, member, online);
    }
  }

  /** Something about a room changed; its page asks the server again for what it shows. */
  record Room(String type, long room) implements ServerFrame {
    public Room(long room) {
      this("room", room);
    }
  }

  /**
   * Messages after the seq the client asked from, messages changed after the change number it asked
   * from, and where every member's receipts stand; {@code complete} when nothing more is stored.
   */
  record History(
      String type,
      long conversation,
      List<ChatMessage> messages,
      List<ChatMessage> changed,
      long lastChange,
      List<ReceiptState> receipts,
      boolean complete)
      implements ServerFrame {
    public History(CatchUp catchUp) {
      this(
          "history",
          catchUp.conversation(),
          catchUp.messages(),
          catchUp.changed(),
          catchUp.lastChange(),
          catchUp.receipts(),
          catchUp.complete());
    }
  }

  /** A member received or read further. */
  record Receipt(String type, long conversation, ReceiptState receipt) implements ServerFrame {
    public Receipt(long conversation, ReceiptState receipt) {
      this("receipt", conversation, receipt);
    }
  }

  /** Something in the queue changed; staff screens reload it. */
  record Queue(String type) implements ServerFrame {
    public Queue() {
      this("queue");
    }
  }

  record Consultation(String type, ConsultationSummary consultation) implements ServerFrame {
    public Consultation(ConsultationSummary consultation) {
      this("consultation", consultation);
    }
  }

  record Pong(String type) implements ServerFrame {
    public Pong() {
      this("pong");
    }
  }

  /** A refused or unreadable frame. Nothing was stored; the socket stays open. */
  record Problem(String type, String code, String message, String clientId) implements ServerFrame {
    public Problem(String code, String message, String clientId) {
      this("error", code, message, clientId);
    }
  }
}
