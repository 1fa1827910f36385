package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.control.MessageLog;
import com.consultchat.messaging.control.MessageStream;
import com.consultchat.messaging.control.Policies;
import com.consultchat.messaging.entity.Message;
import com.consultchat.messaging.entity.Sender;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * What a conversation's moderators do to its stream: publish a post that was held for review and
 * take a message down. Both are entries of the one write path, so they are numbered, pushed and
 * caught up like any message. Who moderates is the owning feature's {@link ConversationPolicy}'s
 * answer.
 */
@Stateless
public class ConversationModeration {

  @Inject EntityManager em;
  @Inject MessageLog log;
  @Inject MessageStream stream;
  @Inject Policies policies;

  /**
   * Publishes a post the policy held: it is numbered now, as its sender's text under the client id
   * it was sent with. The owner has locked the held post, and a held post never reaches the stream
   * another way, so its client id is free.
   */
  public ChatMessage publishHeld(
      Caller moderator, long conversationId, long senderId, UUID clientId, String body) {
    requireModerator(moderator, conversationId);
    Sender sender = em.find(Sender.class, senderId);
    if (sender == null) {
      throw Refused.notFound("conversation.sender.unknown");
    }
    return stream
        .append(
            conversationId,
            1,
            senderId,
            sender.displayName(),
            (slot, from, now) -> {
              if (slot.closed()) {
                throw Refused.conflict("conversation.closed.posting");
              }
              return List.of(
                  Message.post(
                      conversationId, slot.seq(), from, clientId, MessageKind.TEXT, body, now));
            })
        .get(0);
  }

  /**
   * Takes a message down: a DELETE entry in the stream like a sender's own deletion, marked as the
   * moderator's. Removing a message that is gone already changes nothing.
   */
  public void removeMessage(Caller moderator, long conversationId, long seq) {
    requireModerator(moderator, conversationId);
    Message target = log.at(conversationId, seq);
    if (target.isDeleted()) {
      return;
    }
    stream.append(
        conversationId,
        1,
        moderator.id(),
        moderator.displayName(),
        (slot, from, now) -> {
          // The conversation row is locked now; a removal or deletion that won the race shows here.
          em.refresh(target);
          return List.of(
              Message.removeByModerator(target, slot.seq(), from, UUID.randomUUID(), now));
        });
    // Earlier versions of the text go too, as with a sender's own deletion.
    em.createNamedQuery(Message.FORGET_EDITS)
        .setParameter("conversation", conversationId)
        .setParameter("ref", seq)
        .executeUpdate();
  }

  private void requireModerator(Caller caller, long conversationId) {
    boolean moderates =
        policies
            .of(conversationId)
            .map(policy -> policy.mayModerate(caller, conversationId))
            .orElse(false);
    if (!moderates) {
      throw Refused.forbidden("conversation.moderators-only");
    }
  }
}
