package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.control.Alias;
import com.consultchat.messaging.control.Aliases;
import com.consultchat.messaging.control.ConversationPolicy;
import com.consultchat.messaging.control.ConversationPolicy.Admission;
import com.consultchat.messaging.control.Membership;
import com.consultchat.messaging.control.MessageLog;
import com.consultchat.messaging.control.ReceiptLog;
import com.consultchat.messaging.entity.Message;
import com.consultchat.messaging.entity.MessageKind;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.platform.entity.Refused;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The message path. A message is numbered and stored in one transaction; it is pushed only after
 * that transaction commits; a resend with the same client id returns the stored message, never a
 * copy. Features that own conversations add their rules through a {@link ConversationPolicy}.
 */
@Stateless
public class Conversations {

  /** A page of history; clients ask again from the last seq until a page comes back short. */
  public static final int PAGE = 500;

  private static final String NOT_YOURS = "You are not a participant of this conversation.";

  @PersistenceContext EntityManager em;
  @Resource SessionContext context;
  @Inject Membership membership;
  @Inject MessageLog log;
  @Inject Aliases aliases;
  @Inject ReceiptLog receipts;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Event<Notification> notifications;
  @Inject @Any Instance<ConversationPolicy> policies;

  public Posted post(Caller caller, long conversationId, String rawClientId, String body) {
    return post(caller, conversationId, rawClientId, null, body);
  }

  public Posted post(
      Caller caller, long conversationId, String rawClientId, String rawKind, String body) {
    UUID clientId = Message.clientId(rawClientId);
    MessageKind kind = MessageKind.parse(rawKind);
    Message.checkBody(body, settings.messageMaxLength());
    if (!membership.isMember(conversationId, caller.id())) {
      throw Refused.forbidden(NOT_YOURS);
    }
    Optional<Message> stored = log.byClientId(caller.id(), clientId);
    if (stored.isPresent()) {
      return resend(stored.get(), conversationId, kind, body);
    }
    if (admit(caller, conversationId, kind, clientId, body) == Admission.HOLD) {
      return Posted.heldForReview(clientId.toString());
    }
    long seq = log.nextSeq(conversationId);
    // The conversation row is locked now: a concurrent resend of the same id has committed or
    // waits.
    stored = log.byClientId(caller.id(), clientId);
    if (stored.isPresent()) {
      context.setRollbackOnly();
      return resend(stored.get(), conversationId, kind, body);
    }
    log.requireOpen(conversationId);
    Message message =
        log.store(conversationId, seq, caller.id(), clientId, kind, body, clock.instant());
    Alias sender = aliases.of(conversationId, caller.id(), caller.displayName());
    // Built from the caller rather than the sender proxy, which would cost a select per message.
    ChatMessage posted =
        new ChatMessage(
            conversationId,
            seq,
            clientId.toString(),
            sender.id(),
            sender.name(),
            kind.name(),
            body,
            message.createdAt(),
            false);
    notifications.fire(new MessagePosted(posted, membership.members(conversationId)));
    return Posted.stored(posted, false);
  }

  /**
   * What the caller missed: messages after {@code afterSeq} (oldest first, at most {@link #PAGE}),
   * messages changed after change number {@code changesAfter}, and where everyone's receipts stand.
   */
  public CatchUp catchUp(Caller caller, long conversationId, long afterSeq, long changesAfter) {
    List<ChatMessage> messages = history(caller, conversationId, afterSeq);
    Map<Long, Alias> names = aliases.of(conversationId);
    List<ChatMessage> changed =
        em.createNamedQuery(Message.CHANGED_AFTER, Message.class)
            .setParameter("conversation", conversationId)
            .setParameter("after", Math.max(0, changesAfter))
            .setMaxResults(PAGE)
            .getResultStream()
            .map(message -> ChatMessage.of(message, Aliases.of(names, message)))
            .toList();
    return new CatchUp(
        conversationId,
        messages,
        changed,
        log.lastChange(conversationId),
        receipts.of(conversationId).stream().map(r -> Aliases.of(names, r)).toList(),
        messages.size() < PAGE);
  }

  public CatchUp catchUp(Caller caller, long conversationId, long afterSeq) {
    return catchUp(caller, conversationId, afterSeq, 0);
  }

  /** Messages with a seq above {@code afterSeq}, oldest first, at most {@link #PAGE}. */
  public List<ChatMessage> history(Caller caller, long conversationId, long afterSeq) {
    requireReader(caller, conversationId);
    Map<Long, Alias> names = aliases.of(conversationId);
    return em.createNamedQuery(Message.AFTER, Message.class)
        .setParameter("conversation", conversationId)
        .setParameter("after", Math.max(0, afterSeq))
        .setMaxResults(PAGE)
        .getResultStream()
        .map(message -> ChatMessage.of(message, Aliases.of(names, message)))
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

  private Admission admit(
      Caller caller, long conversationId, MessageKind kind, UUID clientId, String body) {
    for (ConversationPolicy policy : policies) {
      Optional<Admission> admission = policy.admit(caller, conversationId, kind, clientId, body);
      if (admission.isPresent()) {
        return admission.get();
      }
    }
    if (kind != MessageKind.TEXT) {
      throw Refused.invalid("Only text messages can be written here.");
    }
    return Admission.PUBLISH;
  }

  private Posted resend(Message stored, long conversationId, MessageKind kind, String body) {
    if (!stored.sameAs(conversationId, kind, body)) {
      throw Refused.conflict(
          "This message id was already used for a different message; the original is unchanged.");
    }
    Alias sender = Aliases.of(aliases.of(stored.conversationId()), stored);
    return Posted.stored(ChatMessage.of(stored, sender), true);
  }
}
