package com.consultchat.messaging.control;

import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.messaging.control.Membership.Seat;
import com.consultchat.messaging.control.Membership.WriteLimits;
import com.consultchat.messaging.control.MessageLog.ClientKey;
import com.consultchat.messaging.control.MessageLog.Locked;
import com.consultchat.messaging.entity.Message;
import com.consultchat.messaging.entity.Sender;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores a group of text posts, from any people to any conversations no policy governs, in one
 * transaction: the same checks as a single post ({@link Posting#one}), made for the whole group in
 * four statements, then the inserts, one claim of numbers for every conversation, and one commit;
 * numbered, stored and announced through {@link MessageStream}, like every entry. A post that a
 * check refuses fails alone: every check runs before anything is written, so the group's
 * transaction never sees its error. Announced after commit, like every entry.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PostGroup {

  @Inject EntityManager em;
  @Inject MessageLog log;
  @Inject MessageStream stream;
  @Inject Membership membership;
  @Inject Aliases aliases;
  @Inject Clock clock;

  /** The post's answer, or why it was refused. */
  public record Outcome(Posted posted, Refused refused) {}

  /** Outcomes in the order of {@code posts}; they hold once the transaction has committed. */
  @Interceptors(FailFast.class)
  public List<Outcome> store(List<GroupPost> posts) {
    Map<Seat, WriteLimits> seats =
        membership.writeLimits(posts.stream().map(GroupPost::seat).distinct().toList());
    // The conversation row lock orders this group after any resend of the same client id that
    // committed or waits (as the single path's lookup under the lock does).
    MessageStream.Group group =
        stream.lock(posts.stream().map(GroupPost::conversationId).distinct().toList());
    Map<ClientKey, Long> earlier =
        log.storedIds(posts.stream().map(GroupPost::key).distinct().toList());
    Instant now = clock.instant();
    Map<ClientKey, ChatMessage> madeHere = new HashMap<>();
    List<Outcome> outcomes = new ArrayList<>(posts.size());
    for (GroupPost post : posts) {
      Optional<Posted> answered;
      try {
        answered = checked(post, seats, group, earlier, madeHere, now);
      } catch (Refused refused) {
        outcomes.add(new Outcome(null, refused));
        continue;
      }
      // Outside the catch: a refusal while storing (an observer's) must sink the group, never
      // answer a post "refused" whose row commits.
      outcomes.add(new Outcome(answered.orElseGet(() -> append(post, group, madeHere, now)), null));
    }
    group.claim();
    return outcomes;
  }

  /**
   * The post's checks: the answer if it is a resend, empty if it is to be stored; refused if it may
   * not be. Nothing is written here.
   */
  private Optional<Posted> checked(
      GroupPost post,
      Map<Seat, WriteLimits> seats,
      MessageStream.Group group,
      Map<ClientKey, Long> earlier,
      Map<ClientKey, ChatMessage> madeHere,
      Instant now) {
    WriteLimits limits = seats.get(post.seat());
    Optional<Locked> conversation = group.conversation(post.conversationId());
    if (limits == null || conversation.isEmpty()) {
      throw Refused.forbidden(Membership.NOT_A_PARTICIPANT);
    }
    Long storedId = earlier.get(post.key());
    if (storedId != null) {
      return Optional.of(resend(em.find(Message.class, storedId), post));
    }
    ChatMessage sameGroup = madeHere.get(post.key());
    if (sameGroup != null) {
      if (!sameGroup.body().equals(post.body())
          || sameGroup.conversation() != post.conversationId()) {
        throw Refused.conflict("message.id-reused");
      }
      return Optional.of(Posted.stored(sameGroup, true));
    }
    if (conversation.get().closed()) {
      throw Refused.conflict("conversation.closed");
    }
    if (!limits.allowAt(now)) {
      throw Refused.conflict("conversation.read-only.now");
    }
    return Optional.empty();
  }

  /** Stores a checked post under its conversation's next number. */
  private Posted append(
      GroupPost post,
      MessageStream.Group group,
      Map<ClientKey, ChatMessage> madeHere,
      Instant now) {
    Sender sender = em.getReference(Sender.class, post.caller().id());
    ChatMessage posted =
        group.append(
            post.conversationId(),
            aliases.of(post.conversationId(), post.caller().id(), post.caller().displayName()),
            seq ->
                Message.post(
                    post.conversationId(),
                    seq,
                    sender,
                    post.clientId(),
                    MessageKind.TEXT,
                    post.body(),
                    now));
    madeHere.put(post.key(), posted);
    return Posted.stored(posted, false);
  }

  /** As a single post answers a resend: the original, unless the id now names something else. */
  private Posted resend(Message stored, GroupPost post) {
    if (!stored.sameAs(post.conversationId(), MessageKind.TEXT, null, post.body())) {
      throw Refused.conflict("message.id-reused");
    }
    return Posted.stored(
        ChatMessage.of(stored, Aliases.of(aliases.of(post.conversationId()), stored)), true);
  }
}
