package com.consultchat.messaging.control;

import com.consultchat.account.entity.Account;
import com.consultchat.messaging.entity.Message;
import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a message down for a moderator: a DELETE entry in the stream, like a sender's own deletion,
 * so it is numbered, pushed and caught up the same way. The feature that owns the conversation
 * decides who may.
 */
@Dependent
public class MessageRemoval {

  @Inject EntityManager em;
  @Inject MessageLog log;

  /** The stream entry that removes the message, or empty if it was gone before. */
  public Optional<Message> remove(long conversationId, long seq, long moderatorId, Instant now) {
    Message target = find(conversationId, seq);
    if (target.isDeleted()) {
      return Optional.empty();
    }
    long entrySeq = log.nextSeq(conversationId);
    // The conversation row is locked now; a removal or deletion that won the race shows here.
    em.refresh(target);
    Message entry =
        Message.removeByModerator(
            target, entrySeq, em.getReference(Account.class, moderatorId), UUID.randomUUID(), now);
    em.persist(entry);
    return Optional.of(entry);
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
