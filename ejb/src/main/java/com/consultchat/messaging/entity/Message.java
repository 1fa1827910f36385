package com.consultchat.messaging.entity;

import com.consultchat.account.entity.Account;
import com.consultchat.platform.entity.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.util.UUID;

/**
 * One message, numbered within its conversation. The client's own id makes sending idempotent: the
 * database allows one message per sender and client id.
 */
@Entity
@NamedQuery(
    name = Message.BY_CLIENT_ID,
    query =
        "select m from Message m join fetch m.sender"
            + " where m.sender.id = :sender and m.clientId = :clientId")
@NamedQuery(
    name = Message.BY_SEQ,
    query =
        "select m from Message m join fetch m.sender"
            + " where m.conversationId = :conversation and m.seq = :seq")
@NamedQuery(
    name = Message.CHANGED_AFTER,
    query =
        "select m from Message m join fetch m.sender where m.conversationId = :conversation"
            + " and m.changeSeq > :after order by m.changeSeq")
@NamedQuery(
    name = Message.AFTER,
    query =
        "select m from Message m join fetch m.sender"
            + " where m.conversationId = :conversation and m.seq > :after order by m.seq")
public class Message {

  public static final String BY_CLIENT_ID = "Message.byClientId";
  public static final String AFTER = "Message.after";
  public static final String BY_SEQ = "Message.bySeq";
  public static final String CHANGED_AFTER = "Message.changedAfter";

  @Id
  @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
  private Long id;

  @Column(name = "conversation_id")
  private long conversationId;

  private long seq;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "sender_id")
  private Account sender;

  @Column(name = "client_id")
  private UUID clientId;

  @Enumerated(EnumType.STRING)
  private MessageKind kind;

  private String body;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "removed_at")
  private Instant removedAt;

  @Column(name = "removed_by")
  private Long removedBy;

  /** The conversation's change number of the last change, so catch-up can carry it. */
  @Column(name = "change_seq")
  private Long changeSeq;

  protected Message() {}

  private Message(
      long conversationId,
      long seq,
      Account sender,
      UUID clientId,
      MessageKind kind,
      String body,
      Instant createdAt) {
    this.conversationId = conversationId;
    this.seq = seq;
    this.sender = sender;
    this.clientId = clientId;
    this.kind = kind;
    this.body = body;
    this.createdAt = createdAt;
  }

  public static Message text(
      long conversationId, long seq, Account sender, UUID clientId, String body, Instant now) {
    return new Message(conversationId, seq, sender, clientId, MessageKind.TEXT, body, now);
  }

  public static Message of(
      long conversationId,
      long seq,
      Account sender,
      UUID clientId,
      MessageKind kind,
      String body,
      Instant now) {
    return new Message(conversationId, seq, sender, clientId, kind, body, now);
  }

  /**
   * A moderator takes the message down. The text stays stored for the clinic's records but is never
   * sent to anyone again. Removing twice changes nothing; returns whether this call removed it.
   */
  public boolean removeByModerator(long moderatorId, long changeSeq, Instant now) {
    if (removedAt != null) {
      return false;
    }
    this.removedAt = now;
    this.removedBy = moderatorId;
    this.changeSeq = changeSeq;
    return true;
  }

  public boolean isRemoved() {
    return removedAt != null;
  }

  /** Checked before anything is looked up or numbered, so a bad message costs nothing. */
  public static void checkBody(String body, int maxLength) {
    if (body == null || body.isBlank()) {
      throw Refused.invalid("A message cannot be empty.");
    }
    int length = body.codePointCount(0, body.length());
    if (length > maxLength) {
      throw Refused.invalid(
          "A message can have at most " + maxLength + " characters; this one has " + length + ".");
    }
  }

  public static UUID clientId(String raw) {
    try {
      return UUID.fromString(raw == null ? "" : raw);
    } catch (IllegalArgumentException e) {
      throw Refused.invalid("A message needs a client id in UUID form.");
    }
  }

  /** Whether a resend carries the same message as the stored one. */
  public boolean sameAs(long conversationId, String body) {
    return this.conversationId == conversationId && this.body.equals(body);
  }

  public boolean sameAs(long conversationId, MessageKind kind, String body) {
    return sameAs(conversationId, body) && this.kind == kind;
  }

  public Long id() {
    return id;
  }

  public long conversationId() {
    return conversationId;
  }

  public long seq() {
    return seq;
  }

  public Account sender() {
    return sender;
  }

  public UUID clientId() {
    return clientId;
  }

  public MessageKind kind() {
    return kind;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
