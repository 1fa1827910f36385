package com.consultchat.messaging.control;

import com.consultchat.messaging.entity.Message;
import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Numbers and stores posts. The numbering {@code UPDATE} locks the conversation row, so numbers are
 * gap-free and a concurrent resend of the same client id has committed (or waits) once it returns;
 * callers look the id up again after it. Only {@link MessageStream} claims numbers.
 */
@Dependent
public class MessageLog {

  @Inject EntityManager em;

  public Optional<Message> byClientId(long senderId, UUID clientId) {
    return em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
        .setParameter("sender", senderId)
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  /** The entry with this number; refused if the conversation has none. */
  public Message at(long conversationId, long seq) {
    return em.createNamedQuery(Message.BY_SEQ, Message.class)
        .setParameter("conversation", conversationId)
        .setParameter("seq", seq)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> Refused.notFound("There is no such message in this conversation."));
  }

  /** Whether any of these client ids of the sender is stored already. */
  public boolean anyStored(long senderId, Collection<UUID> clientIds) {
    return !em.createNamedQuery(Message.STORED_CLIENT_IDS, UUID.class)
        .setParameter("sender", senderId)
        .setParameter("clientIds", clientIds)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Numbers claimed for the next entries (the first of them; the rest follow without a gap), with
   * what the numbering statement saw of the conversation: whether it is closed and who its members
   * are.
   */
  public record Slot(long seq, boolean closed, Set<Long> members) {}

  /**
   * Locks the conversation and claims its next {@code count} numbers. One statement does what the
   * message path needs of the conversation row and its members, because each round trip to the
   * database is a large part of what a message costs.
   */
  public Slot claim(long conversationId, int count) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "update conversation c set last_seq = c.last_seq + ?2 where c.id = ?1"
                    + " returning c.last_seq - ?2 + 1, c.closed_at is not null,"
                    + " (select string_agg(m.account_id::text, ',') from conversation_member m"
                    + " where m.conversation_id = c.id)")
            .setParameter(1, conversationId)
            .setParameter(2, count)
            .getResultList();
    if (rows.isEmpty()) {
      throw Refused.notFound("There is no such conversation.");
    }
    Object[] row = rows.get(0);
    Set<Long> members = new HashSet<>();
    if (row[2] != null) {
      for (String member : ((String) row[2]).split(",")) {
        members.add(Long.parseLong(member));
      }
    }
    return new Slot(((Number) row[0]).longValue(), (Boolean) row[1], members);
  }
}
