package com.consultchat.messaging.control;

import com.consultchat.messaging.entity.ConversationMember;
import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Who belongs to a conversation. Features add members; messaging asks before every read and write.
 */
@Dependent
public class Membership {

  public static final String NOT_A_PARTICIPANT = "conversation.not-a-participant";

  @Inject EntityManager em;

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
