package com.consultchat.messaging.entity;

import com.consultchat.messaging.boundary.ConversationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/**
 * The ordered stream of messages behind a consultation or a room. {@code lastSeq} is only ever
 * raised by {@code MessageLog.claim} inside the transaction that stores the message with that
 * number.
 */
@Entity
@NamedQuery(
    name = Conversation.LAST_SEQ,
    query = "select c.lastSeq from Conversation c where c.id = :id")
@NamedQuery(
    name = Conversation.CLOSED_AT,
    query = "select c.closedAt from Conversation c where c.id = :id")
public class Conversation {

  public static final String LAST_SEQ = "Conversation.lastSeq";
  public static final String CLOSED_AT = "Conversation.closedAt";

  @Id
  @SequenceGenerator(
      name = "conversation_seq",
      sequenceName = "conversation_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  private ConversationKind kind;

  @Column(name = "last_seq")
  private long lastSeq;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected Conversation() {}

  public Conversation(ConversationKind kind, Instant createdAt) {
    this.kind = kind;
    this.createdAt = createdAt;
  }

  /** No more messages from now on; the history stays readable. */
  public void close(Instant now) {
    if (closedAt == null) {
      closedAt = now;
    }
  }

  public boolean isClosed() {
    return closedAt != null;
  }

  public Long id() {
    return id;
  }

  public ConversationKind kind() {
    return kind;
  }
}
