package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.control.Aliases;
import com.consultchat.messaging.control.FailFast;
import com.consultchat.messaging.control.Membership;
import com.consultchat.messaging.control.ReceiptLog;
import com.consultchat.messaging.entity.Conversation;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Set;

/** Delivered and read receipts: per member and conversation, the highest seq received and read. */
@Stateless
public class Receipts {

  @Inject EntityManager em;
  @Inject Membership membership;
  @Inject ReceiptLog log;
  @Inject Clock clock;
  @Inject Aliases aliases;
  @Inject Settings settings;
  @Inject Event<Notification> notifications;

  /** Records that the caller has received up to {@code delivered} and read up to {@code read}. */
  @Interceptors(FailFast.class)
  public void record(Caller caller, long conversationId, long delivered, long read) {
    if (!membership.isMember(conversationId, caller.id())) {
      throw Refused.forbidden("conversation.not-a-participant");
    }
    long last =
        em.createNamedQuery(Conversation.LAST_SEQ, Long.class)
            .setParameter("id", conversationId)
            .getSingleResult();
    long readUpTo = clamp(read, last);
    long deliveredUpTo = Math.max(clamp(delivered, last), readUpTo);
    if (deliveredUpTo == 0) {
      return;
    }
    log.raise(conversationId, caller.id(), deliveredUpTo, readUpTo, clock.instant())
        .ifPresent(
            stored -> {
              // The person's own other tabs always learn how far they have read; the others only
              // as far as this person and the deployment allow.
              Set<Long> others = membership.members(conversationId);
              others.remove(caller.id());
              notifications.fire(
                  new ReceiptChanged(
                      conversationId,
                      aliases.of(conversationId, stored.state()),
                      Set.of(caller.id())));
              notifications.fire(
                  new ReceiptChanged(
                      conversationId,
                      aliases.of(conversationId, stored.seenBy(settings.readReceipts())),
                      others));
            });
  }

  private static long clamp(long seq, long last) {
    return Math.max(0, Math.min(seq, last));
  }
}
