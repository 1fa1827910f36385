package com.consultchat.messaging.boundary;

import com.consultchat.messaging.control.Membership;
import com.consultchat.messaging.control.Policies;
import com.consultchat.messaging.entity.Conversation;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the feature that owns a conversation (a consultation, a room) does with it: opens it, lets
 * people in and out, limits when they write and closes it. The owner decides who may, from its own
 * rules, and calls this in the same transaction as its own change; messaging makes sure a feature
 * only ever changes conversations of its own kind.
 */
@Stateless
public class OwnedConversations {

  private static final String NO_CONVERSATION = "conversation.unknown";

  @Inject EntityManager em;
  @Inject Membership membership;
  @Inject Policies policies;
  @Inject Clock clock;
  @Inject Event<Notification> notifications;
  @Inject Event<ConversationDeleting> deleting;

  /** A new conversation of the owner's kind with its first members; returns its id. */
  public long open(ConversationKind kind, long... members) {
    Instant now = clock.instant();
    Conversation conversation = new Conversation(kind, now);
    em.persist(conversation);
    for (long member : members) {
      membership.add(conversation.id(), member, now);
    }
    return conversation.id();
  }

  /**
   * From now on the person reads, writes and receives the conversation; admitting twice is fine.
   */
  public void admit(ConversationKind owner, long conversationId, long accountId) {
    requireKind(policies, owner, conversationId);
    membership.add(conversationId, accountId, clock.instant());
  }

  /** The person no longer reads, writes or receives it, nor hears who is there or typing. */
  public void remove(ConversationKind owner, long conversationId, long accountId) {
    requireKind(policies, owner, conversationId);
    if (membership.remove(conversationId, accountId)) {
      notifications.fire(new MembershipEnded(conversationId, accountId));
    }
  }

  /** Limits when a member may write, not when they read; both null lifts the limit. */
  public void limitWrites(
      ConversationKind owner, long conversationId, long accountId, Instant from, Instant until) {
    requireKind(policies, owner, conversationId);
    membership.limitWrites(conversationId, accountId, from, until);
  }

  /** No more messages from now on; the history stays readable. */
  public void close(ConversationKind owner, long conversationId) {
    requireKind(policies, owner, conversationId);
    em.find(Conversation.class, conversationId).close(clock.instant());
  }

  /**
   * Deletes the conversation with all its messages, receipts and members, for good; returns how
   * many messages went. The owner deletes what of its own refers to the messages first.
   */
  public long delete(ConversationKind owner, long conversationId) {
    requireKind(policies, owner, conversationId);
    em.createNativeQuery("delete from receipt where conversation_id = ?1")
        .setParameter(1, conversationId)
        .executeUpdate();
    // Edits and deletions refer to what they change by seq, not by id: one statement takes all.
    long messages =
        em.createNativeQuery("delete from message where conversation_id = ?1")
            .setParameter(1, conversationId)
            .executeUpdate();
    deleting.fire(new ConversationDeleting(owner, conversationId));
    em.createNativeQuery("delete from conversation_member where conversation_id = ?1")
        .setParameter(1, conversationId)
        .executeUpdate();
    em.createNativeQuery("delete from conversation where id = ?1")
        .setParameter(1, conversationId)
        .executeUpdate();
    em.clear();
    return messages;
  }

  /** For the administrator's overview: messages since {@code since} and the last one's time. */
  public Map<Long, ConversationActivity> activity(
      ConversationKind owner, Collection<Long> conversationIds, Instant since) {
    if (conversationIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, ConversationActivity> activity = new HashMap<>();
    List<?> rows =
        em.createNativeQuery(
                "select m.conversation_id, count(*) filter (where m.created_at >= ?1),"
                    + " max(m.created_at) from message m join conversation c"
                    + " on c.id = m.conversation_id where c.kind = ?2"
                    + " and m.conversation_id = any(?3) group by m.conversation_id")
            .setParameter(1, since)
            .setParameter(2, owner.name())
            .setParameter(3, conversationIds.toArray(Long[]::new))
            .getResultList();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      activity.put(
          ((Number) columns[0]).longValue(),
          new ConversationActivity(((Number) columns[1]).longValue(), instant(columns[2])));
    }
    return activity;
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return null;
  }

  /** Refuses a feature that names a conversation that is not of its kind, or none. */
  static void requireKind(Policies policies, ConversationKind owner, long conversationId) {
    if (!policies.kind(conversationId).map(owner::equals).orElse(false)) {
      throw Refused.notFound(NO_CONVERSATION);
    }
  }
}
