package com.consultchat.web.messaging.control;

import com.consultchat.messaging.boundary.CatchUp;
import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.PurgedRange;
import com.consultchat.messaging.boundary.ReceiptState;
import com.consultchat.platform.boundary.RateLimited;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.messaging.boundary.Frame;
import com.consultchat.web.platform.boundary.Problems;
import java.time.Instant;
import java.util.List;

/**
 * Everything messaging sends over the socket; each record names its type for the browser. Other
 * features push frames of their own through {@code Pushes}.
 */
public sealed interface ServerFrame extends Frame {

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

  /**
   * The sender's post is held for review: it leaves the outbox but has no seq until a moderator
   * releases it.
   */
  record Held(String type, String clientId, long conversation) implements ServerFrame {
    public Held(String clientId, long conversation) {
      this("held", clientId, conversation);
    }
  }

  /**
   * Messages after the seq the client asked from, and where every member's receipts stand; {@code
   * complete} when nothing more is stored. {@code purged}: runs of numbers retention removed, which
   * the client drops from what it keeps and counts as known.
   */
  record History(
      String type,
      long conversation,
      List<ChatMessage> messages,
      List<ReceiptState> receipts,
      boolean complete,
      List<PurgedRange> purged)
      implements ServerFrame {
    public History(CatchUp catchUp) {
      this(
          "history",
          catchUp.conversation(),
          catchUp.messages(),
          catchUp.receipts(),
          catchUp.complete(),
          catchUp.purged());
    }
  }

  /** A member received or read further. */
  record Receipt(String type, long conversation, ReceiptState receipt) implements ServerFrame {
    public Receipt(long conversation, ReceiptState receipt) {
      this("receipt", conversation, receipt);
    }
  }

  /** Someone is typing; shown until {@code expiresInMillis} pass without another one. */
  record Typing(String type, long conversation, long account, String name, long expiresInMillis)
      implements ServerFrame {
    public Typing(long conversation, long account, String name) {
      this("typing", conversation, account, name, TYPING_SHOWN_MILLIS);
    }
  }

  /** How long a typing signal shows; clients repeat theirs more often than this while typing. */
  long TYPING_SHOWN_MILLIS = 6_000;

  /**
   * Whether people are here: {@code online}, {@code away} (connected but idle) or {@code offline}
   * with when they were last seen.
   */
  record Presence(String type, Long conversation, List<PresenceState> members)
      implements ServerFrame {
    public Presence(Long conversation, List<PresenceState> members) {
      this("presence", conversation, members);
    }
  }

  record PresenceState(long account, String name, String state, Instant lastSeen) {}

  record Pong(String type) implements ServerFrame {
    public Pong() {
      this("pong");
    }
  }

  /**
   * A refused or unreadable frame. Nothing was stored; the socket stays open. {@code retryAfter}
   * (seconds) comes only with code {@code busy}: send the same frame again after that long.
   */
  record Problem(String type, String code, String message, String clientId, Integer retryAfter)
      implements ServerFrame {
    public Problem(String code, String message, String clientId) {
      this("error", code, message, clientId, null);
    }

    /**
     * The refusal of a frame, with the wait when the person was sending too fast; {@code message}:
     * the refusal in the sender's words.
     */
    public static Problem of(Refused refused, String clientId, String message) {
      return new Problem(
          "error",
          Problems.code(refused),
          message,
          clientId,
          refused instanceof RateLimited limited ? limited.retryAfterSeconds() : null);
    }

    /**
     * Not taken now, nothing stored: the same frame (same client id) is welcome again later. {@code
     * message}: that, in the sender's words.
     */
    public static Problem busy(String clientId, int retryAfterSeconds, String message) {
      return new Problem("error", "busy", message, clientId, retryAfterSeconds);
    }
  }
}
