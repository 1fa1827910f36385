package com.consultchat.messaging.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * Membership is what lets a person read and write a conversation and receive its messages. Read
 * before every frame and changed rarely (always through this entity), so it is kept in the
 * second-level cache: the message path asks the database one question less per message.
 */
@Entity
@Cacheable
@Table(name = "conversation_member")
@IdClass(ConversationMember.Key.class)
@NamedQuery(
    name = ConversationMember.ACCOUNTS,
    query = "select m.accountId from ConversationMember m where m.conversationId = :conversation")
@NamedQuery(
    name = ConversationMember.IS_MEMBER,
    query =
        "select count(m) from ConversationMember m"
            + " where m.conversationId = :conversation and m.accountId = :account")
public class ConversationMember {

  public static final String ACCOUNTS = "ConversationMember.accounts";
  public static final String IS_MEMBER = "ConversationMember.isMember";

  @Id
  @Column(name = "conversation_id")
  private long conversationId;

  @Id
  @Column(name = "account_id")
  private long accountId;

  @Column(name = "joined_at")
  private Instant joinedAt;

  @Column(name = "writes_from")
  private Instant writesFrom;

  @Column(name = "writes_until")
  private Instant writesUntil;

  protected ConversationMember() {}

  public ConversationMember(long conversationId, long accountId, Instant joinedAt) {
    this.conversationId = conversationId;
    this.accountId = accountId;
    this.joinedAt = joinedAt;
  }

  /** Limits when this member may write; null ends mean no limit on that side. */
  public long accountId() {
    return accountId;
  }

  public void limitWrites(Instant from, Instant until) {
    this.writesFrom = from;
    this.writesUntil = until;
  }

  public boolean mayWriteAt(Instant now) {
    return mayWriteAt(writesFrom, writesUntil, now);
  }

  /** The rule of {@link #mayWriteAt(Instant)}, for limits read without the entity. */
  public static boolean mayWriteAt(Instant writesFrom, Instant writesUntil, Instant now) {
    return (writesFrom == null || !now.isBefore(writesFrom))
        && (writesUntil == null || now.isBefore(writesUntil));
  }

  /** The composite key; JPA wants a mutable class with a no-argument constructor. */
  public static class Key implements Serializable {
    private long conversationId;
    private long accountId;

    public Key() {}

    public Key(long conversationId, long accountId) {
      this.conversationId = conversationId;
      this.accountId = accountId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && key.conversationId == conversationId
          && key.accountId == accountId;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(conversationId) * 31 + Long.hashCode(accountId);
    }
  }
}
