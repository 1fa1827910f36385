package com.consultchat.messaging.control;

import com.consultchat.account.entity.Account;
import com.consultchat.messaging.entity.Conversation;
import com.consultchat.messaging.entity.Message;
import com.consultchat.messaging.entity.MessageKind;
import com.consultchat.platform.entity.Refused;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Numbers and stores posts. The numbering {@code UPDATE} locks the conversation row, so numbers are
 * gap-free and a concurrent resend of the same client id has committed (or waits) once it returns;
 * callers look the id up again after it. Whoever calls has checked who may write.
 */
@Dependent
public class MessageLog {

  @PersistenceContext EntityManager em;

  public Optional<Message> byClientId(long senderId, UUID clientId) {
    return em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
        .setParameter("sender", senderId)
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  /** Locks the conversation and returns the next sequence number. */
  public long nextSeq(long conversationId) {
    int updated =
        em.createNamedQuery(Conversation.NEXT_SEQ)
            .setParameter("id", conversationId)
            .executeUpdate();
    if (updated != 1) {
      throw Refused.notFound("There is no such conversation.");
    }
    return em.createNamedQuery(Conversation.LAST_SEQ, Long.class)
        .setParameter("id", conversationId)
        .getSingleResult();
  }

  public Message store(
      long conversationId,
      long seq,
      long senderId,
      UUID clientId,
      MessageKind kind,
      String body,
      Instant now) {
    Account sender = em.getReference(Account.class, senderId);
    Message message = Message.post(conversationId, seq, sender, clientId, kind, body, now);
    em.persist(message);
    return message;
  }
}
