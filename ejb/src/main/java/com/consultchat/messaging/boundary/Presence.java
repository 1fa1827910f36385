package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.control.Alias;
import com.consultchat.messaging.control.Aliases;
import com.consultchat.messaging.control.ConversationPolicy;
import com.consultchat.messaging.control.Membership;
import com.consultchat.messaging.entity.ConversationMember;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.entity.Refused;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is typing and who is online, told to the other participants of each conversation under the
 * alias the conversation gives the person. Nothing of it is stored: it is true only while it lasts.
 */
@Stateless
public class Presence {

  @PersistenceContext EntityManager em;
  @Inject Membership membership;
  @Inject Aliases aliases;
  @Inject Event<Notification> notifications;
  @Inject @Any Instance<ConversationPolicy> policies;

  public void typing(Caller caller, long conversationId) {
    if (!membership.isMember(conversationId, caller.id())) {
      throw Refused.forbidden("You are not a participant of this conversation.");
    }
    for (ConversationPolicy policy : policies) {
      if (policy.silenced(conversationId, caller.id())) {
        return;
      }
    }
    Alias alias = aliases.of(conversationId, caller.id(), caller.displayName());
    notifications.fire(
        new Typing(conversationId, alias.id(), alias.name(), others(conversationId, caller.id())));
  }

  /** The conversations of a person who came online or went offline, and whom to tell in each. */
  public List<PresenceTarget> targets(long accountId) {
    return em.createNamedQuery(ConversationMember.CONVERSATIONS, Long.class)
        .setParameter("account", accountId)
        .getResultStream()
        .map(
            conversation ->
                new PresenceTarget(
                    conversation,
                    aliases.of(conversation, accountId, "").id(),
                    others(conversation, accountId)))
        .filter(target -> !target.recipients().isEmpty())
        .toList();
  }

  private Set<Long> others(long conversationId, long accountId) {
    Set<Long> others = new HashSet<>(membership.members(conversationId));
    others.remove(accountId);
    return others;
  }
}
