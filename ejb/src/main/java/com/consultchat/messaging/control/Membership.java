package com.consultchat.messaging.control;

import com.consultchat.messaging.entity.ConversationMember;
import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Who belongs to a conversation. Features add members; messaging asks before every read and write.
 */
@Dependent
public class Membership {

  public static final String NOT_A_PARTICIPANT = "conversation.not-a-participant";

  /** One lookup per pair through the primary key (conversation_id, account_id). */
  private static final String WRITE_LIMITS =
      "select m.conversation_id, m.account_id, m.writes_from, m.writes_until"
          + " from conversation_member m join unnest(?::bigint[], ?::bigint[])"
          + " as p(conversation, account) on m.conversation_id = p.conversation"
          + " and m.account_id = p.account";

  @Inject EntityManager em;

  /** A person in a conversation. */
  public record Seat(long conversationId, long accountId) {}

  /** When a member may write; null ends mean no limit on that side. */
  public record WriteLimits(Instant from, Instant until) {

    public boolean allowAt(Instant now) {
      return ConversationMember.mayWriteAt(from, until, now);
    }
  }

  /**
   * The write limits of these people in these conversations, in one statement; a pair that is no
   * member is missing from the answer.
   */
  public Map<Seat, WriteLimits> writeLimits(Collection<Seat> seats) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              Map<Seat, WriteLimits> limits = new HashMap<>();
              try (PreparedStatement query = connection.prepareStatement(WRITE_LIMITS)) {
                query.setArray(
                    1,
                    connection.createArrayOf(
                        "bigint", seats.stream().map(Seat::conversationId).toArray()));
                query.setArray(
                    2,
                    connection.createArrayOf(
                        "bigint", seats.stream().map(Seat::accountId).toArray()));
                try (ResultSet rows = query.executeQuery()) {
                  while (rows.next()) {
                    limits.put(
                        new Seat(rows.getLong(1), rows.getLong(2)),
                        new WriteLimits(instant(rows, 3), instant(rows, 4)));
                  }
                }
              }
              return limits;
            });
  }

  private static Instant instant(ResultSet rows, int column) throws java.sql.SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public boolean isMember(long conversationId, long accountId) {
    return em.createNamedQuery(ConversationMember.IS_MEMBER, Long.class)
            .setParameter("conversation", conversationId)
            .setParameter("account", accountId)
            .getSingleResult()
        > 0;
  }

  public Set<Long> members(long conversationId) {
    return new HashSet<>(
        em.createNamedQuery(ConversationMember.ACCOUNTS, Long.class)
            .setParameter("conversation", conversationId)
            .getResultList());
  }

  public void add(long conversationId, long accountId, Instant now) {
    if (!isMember(conversationId, accountId)) {
      em.persist(new ConversationMember(conversationId, accountId, now));
    }
  }

  /** The members other than {@code accountId}, with when they were last seen. */
  public java.util.List<com.consultchat.messaging.boundary.MemberRef> others(
      long conversationId, long accountId) {
    return em.createQuery(
            "select new com.consultchat.messaging.boundary.MemberRef(a.id, a.displayName,"
                + " a.lastSeenAt) from ConversationMember m, Account a where a.id = m.accountId"
                + " and m.conversationId = :conversation and m.accountId <> :account"
                + " order by a.displayName",
            com.consultchat.messaging.boundary.MemberRef.class)
        .setParameter("conversation", conversationId)
        .setParameter("account", accountId)
        .getResultList();
  }

  /** The member's row, if they are one. */
  public java.util.Optional<ConversationMember> member(long conversationId, long accountId) {
    return java.util.Optional.ofNullable(
        em.find(ConversationMember.class, new ConversationMember.Key(conversationId, accountId)));
  }

  /** The member's row; refused to anyone else. */
  public ConversationMember required(long conversationId, long accountId) {
    return member(conversationId, accountId)
        .orElseThrow(() -> Refused.forbidden(NOT_A_PARTICIPANT));
  }

  /** Limits when a member may write; both null lifts the limit. */
  public void limitWrites(long conversationId, long accountId, Instant from, Instant until) {
    member(conversationId, accountId).ifPresent(member -> member.limitWrites(from, until));
  }

  /** Returns whether the person was a member until now. */
  public boolean remove(long conversationId, long accountId) {
    ConversationMember member =
        em.find(ConversationMember.class, new ConversationMember.Key(conversationId, accountId));
    if (member == null) {
      return false;
    }
    em.remove(member);
    return true;
  }
}
