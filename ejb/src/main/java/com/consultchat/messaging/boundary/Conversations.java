package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.entity.Account;
import com.consultchat.messaging.control.Membership;
import com.consultchat.messaging.control.ReceiptLog;
import com.consultchat.messaging.entity.Conversation;
import com.consultchat.messaging.entity.Message;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.platform.entity.Refused;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The message path. A message is numbered and stored in one transaction; it is pushed only after
 * that transaction commits; a resend with the same client id returns the stored message, never a
 * copy.
 */
@Stateless
public class Conversations {

  /** A page of history; clients ask again from the last seq until a page comes back short. */
  public static final int PAGE = 500;

  private static final String NOT_YOURS = "You are not a participant of this conversation.";

  @PersistenceContext EntityManager em;
  @Resource SessionContext context;
  @Inject Membership membership;
  @Inject ReceiptLog receipts;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Event<Notification> notifications;

  public Posted post(Caller caller, long conversationId, String rawClientId, String body) {
    UUID clientId = Message.clientId(rawClientId);
    Message.checkBody(body, settings.messageMaxLength());
    if (!membership.isMember(conversationId, caller.id())) {
      throw Refused.forbidden(NOT_YOURS);
    }
    Optional<Message> stored = byClientId(caller, clientId);
    if (stored.isPresent()) {
      return resend(stored.get(), conversationId, body);
    }
    long seq = nextSeq(conversationId);
    // The conversation row is locked now: a concurrent resend of the same id has committed or
    // waits.
    stored = byClientId(caller, clientId);
    if (stored.isPresent()) {
      context.setRollbackOnly();
      return resend(stored.get(), conversationId, body);
    }
    if (closed(conversationId)) {
      throw Refused.conflict("This conversation is closed: it can be read, but not written to.");
    }
    Account sender = em.getReference(Account.class, caller.id());
    Message message = Message.text(conversationId, seq, sender, clientId, body, clock.instant());
    em.persist(message);
    ChatMessage posted =
        new ChatMessage(
            conversationId,
            seq,
            clientId.toString(),
            caller.id(),
            caller.displayName(),
            message.kind().name(),
            body,
            message.createdAt());
    notifications.fire(new MessagePosted(posted, membership.members(conversationId)));
    return new Posted(posted, false);
  }

  /**
   * What the caller missed after {@code afterSeq}: messages oldest first, at most {@link #PAGE},
   * and where everyone's receipts stand.
   */
  public CatchUp catchUp(Caller caller, long conversationId, long afterSeq) {
    List<ChatMessage> messages = history(caller, conversationId, afterSeq);
    return new CatchUp(
        conversationId, messages, receipts.of(conversationId), messages.size() < PAGE);
  }

  /** Messages with a seq above {@code afterSeq}, oldest first, at most {@link #PAGE}. */
  public List<ChatMessage> history(Caller caller, long conversationId, long afterSeq) {
    requireReader(caller, conversationId);
    return em.createNamedQuery(Message.AFTER, Message.class)
        .setParameter("conversation", conversationId)
        .setParameter("after", Math.max(0, afterSeq))
        .setMaxResults(PAGE)
        .getResultStream()
        .map(ChatMessage::of)
        .toList();
  }

  public boolean mayRead(Caller caller, long conversationId) {
    return caller.isAdmin() || membership.isMember(conversationId, caller.id());
  }

  private void requireReader(Caller caller, long conversationId) {
    if (!mayRead(caller, conversationId)) {
      throw Refused.forbidden(NOT_YOURS);
    }
  }

  private long nextSeq(long conversationId) {
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

  /** Read under the conversation's row lock, so a message cannot slip in after closing. */
  private boolean closed(long conversationId) {
    return em.createNamedQuery(Conversation.CLOSED_AT, Instant.class)
            .setParameter("id", conversationId)
            .getSingleResult()
        != null;
  }

  private Optional<Message> byClientId(Caller caller, UUID clientId) {
    return em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
        .setParameter("sender", caller.id())
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  private static Posted resend(Message stored, long conversationId, String body) {
    if (!stored.sameAs(conversationId, body)) {
      throw Refused.conflict(
          "This message id was already used for a different message; the original is unchanged.");
    }
    return new Posted(ChatMessage.of(stored), true);
  }
}
