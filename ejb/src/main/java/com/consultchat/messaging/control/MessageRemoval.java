package com.consultchat.messaging.control;

import com.consultchat.messaging.entity.Conversation;
import com.consultchat.messaging.entity.Message;
import com.consultchat.platform.entity.Refused;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes a message down for a moderator. The feature that owns the conversation decides who may;
 * this numbers the change (the conversation row lock orders it against other changes), so clients
 * that catch up learn it.
 */
@Dependent
public class MessageRemoval {

  @PersistenceContext EntityManager em;

  /** The removed message, or empty if it had been removed before. */
  public Optional<Message> remove(long conversationId, long seq, long moderatorId, Instant now) {
    Message message = find(conversationId, seq);
    if (message.isRemoved()) {
      return Optional.empty();
    }
    em.createNamedQuery(Conversation.NEXT_CHANGE)
        .setParameter("id", conversationId)
        .executeUpdate();
    long change =
        em.createNamedQuery(Conversation.LAST_CHANGE, Long.class)
            .setParameter("id", conversationId)
            .getSingleResult();
    message.removeByModerator(moderatorId, change, now);
    return Optional.of(message);
  }

  public Message find(long conversationId, long seq) {
    return em.createNamedQuery(Message.BY_SEQ, Message.class)
        .setParameter("conversation", conversationId)
        .setParameter("seq", seq)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> Refused.notFound("There is no such message."));
  }
}
