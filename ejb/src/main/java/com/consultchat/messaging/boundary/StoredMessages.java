package com.consultchat.messaging.boundary;

import com.consultchat.messaging.control.MessageLog;
import com.consultchat.messaging.control.Policies;
import com.consultchat.messaging.entity.Message;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * What a feature that owns conversations reads of their messages for its own pages (a room's pins
 * and reports, a consultation's transcript). The owner has decided that the caller may see them;
 * messaging makes sure it only ever reads conversations of its own kind.
 */
@Stateless
public class StoredMessages {

  private static final String NO_MESSAGE = "message.unknown";

  @Inject EntityManager em;
  @Inject MessageLog log;
  @Inject Policies policies;

  /** The entry with this number in the owner's conversation. */
  public StoredMessage at(ConversationKind owner, long conversationId, long seq) {
    OwnedConversations.requireKind(policies, owner, conversationId);
    return StoredMessage.of(log.at(conversationId, seq));
  }

  /** An entry by its id, as a feature's own rows (a pin, a report) refer to it. */
  public StoredMessage byId(ConversationKind owner, long messageId) {
    Message message = em.find(Message.class, messageId);
    if (message == null
        || !policies.kind(message.conversationId()).map(owner::equals).orElse(false)) {
      throw Refused.notFound(NO_MESSAGE);
    }
    return StoredMessage.of(message);
  }

  /** The whole stream, oldest first, edits and deletions included. */
  public List<StoredMessage> all(ConversationKind owner, long conversationId) {
    OwnedConversations.requireKind(policies, owner, conversationId);
    return em.createNamedQuery(Message.AFTER, Message.class)
        .setParameter("conversation", conversationId)
        .setParameter("after", 0L)
        .getResultStream()
        .map(StoredMessage::of)
        .toList();
  }

  /**
   * What one person posted (texts and files) in conversations of the owner's kind and that is not
   * deleted, by conversation and then in order: for that person's data export and erasure.
   */
  public List<StoredMessage> postsBy(ConversationKind owner, long senderId) {
    return em.createQuery(
            "select m from Message m join fetch m.sender where m.sender.id = :sender"
                + " and m.conversationId in (select c.id from Conversation c where c.kind = :kind)"
                + " order by m.conversationId, m.seq",
            Message.class)
        .setParameter("sender", senderId)
        .setParameter("kind", owner)
        .getResultStream()
        .filter(message -> message.kind().isPost() && !message.isDeleted())
        .map(StoredMessage::of)
        .toList();
  }
}
