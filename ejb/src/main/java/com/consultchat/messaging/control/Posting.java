package com.consultchat.messaging.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.ConversationPolicy;
import com.consultchat.messaging.boundary.ConversationPolicy.Admission;
import com.consultchat.messaging.boundary.Draft;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.messaging.entity.ConversationMember;
import com.consultchat.messaging.entity.Message;
import com.consultchat.messaging.entity.Sender;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A participant's writes: what is checked before an entry is numbered (membership, a resend, the
 * owning feature's policy) and under the conversation's lock (a concurrent resend, closing, write
 * limits). The entries themselves go through {@link MessageStream}.
 */
@Dependent
public class Posting {

  @Inject Membership membership;
  @Inject MessageLog log;
  @Inject MessageStream stream;
  @Inject Aliases aliases;
  @Inject Policies policies;
  @Inject Settings settings;

  /** One entry of the caller's, made once its number is claimed. */
  @FunctionalInterface
  public interface Entry {
    Message create(long seq, Sender sender, UUID clientId, Instant now);
  }

  /**
   * Checks, numbers and stores one entry of the caller's in one transaction; it is announced after
   * commit. A resend with the same client id returns what was stored the first time.
   */
  public Posted one(
      Caller caller,
      long conversationId,
      String rawClientId,
      MessageKind kind,
      Long ref,
      String body,
      Entry entry) {
    UUID clientId = Message.clientId(rawClientId);
    ConversationMember member = membership.required(conversationId, caller.id());
    Optional<ConversationPolicy> policy = policies.of(conversationId);
    // A policy must never judge a resend (it could hold or refuse what was already stored), so
    // where there is one the id is looked up first; otherwise the lookup under the lock suffices.
    if (policy.isPresent()) {
      Optional<Message> earlier = log.byClientId(caller.id(), clientId);
      if (earlier.isPresent()) {
        return resend(earlier.get(), conversationId, kind, ref, body);
      }
    }
    if (admit(policy, caller, conversationId, kind, clientId, body) == Admission.HOLD) {
      return Posted.heldForReview(clientId.toString());
    }
    AtomicReference<Posted> original = new AtomicReference<>();
    List<ChatMessage> stored =
        stream.append(
            conversationId,
            1,
            caller.id(),
            caller.displayName(),
            (slot, sender, now) -> {
              // The conversation row is locked now: a concurrent resend of the same id has
              // committed or waits. Answered before the stream rolls back: naming the sender may
              // need the database.
              Optional<Message> earlier = log.byClientId(caller.id(), clientId);
              if (earlier.isPresent()) {
                original.set(resend(earlier.get(), conversationId, kind, ref, body));
                return List.of();
              }
              if (slot.closed()) {
                throw Refused.conflict("conversation.closed");
              }
              // Write limits change with their consultation's lock, not the conversation's, so
              // the row read at the start of this request is as current as a reread would be.
              if (!member.mayWriteAt(now)) {
                throw Refused.conflict("conversation.read-only.now");
              }
              return List.of(entry.create(slot.seq(), sender, clientId, now));
            });
    return stored.isEmpty() ? original.get() : Posted.stored(stored.get(0), false);
  }

  /**
   * What the caller stored before under this client id, as a resend's answer; empty if nothing. For
   * paths that would do costly work before posting (receiving a file), so a resend skips it.
   */
  public Optional<Posted> earlier(
      Caller caller, long conversationId, String rawClientId, MessageKind kind, String body) {
    return log.byClientId(caller.id(), Message.clientId(rawClientId))
        .map(stored -> resend(stored, conversationId, kind, null, body));
  }

  /**
   * Several first posts of the caller, numbered in their order and stored together; empty if any of
   * them is a resend, would be held or is refused, in which case the caller must roll back whatever
   * the checks stored (a policy may have held one) and post them one at a time.
   */
  public Optional<List<Posted>> together(Caller caller, long conversationId, List<Draft> drafts) {
    List<UUID> clientIds = new ArrayList<>();
    List<MessageKind> kinds = new ArrayList<>();
    for (Draft draft : drafts) {
      kinds.add(MessageKind.post(draft.kind()));
      Message.checkBody(draft.body(), settings.messageMaxLength());
      clientIds.add(Message.clientId(draft.clientId()));
    }
    if (drafts.isEmpty() || new HashSet<>(clientIds).size() < clientIds.size()) {
      return Optional.empty();
    }
    ConversationMember member = membership.required(conversationId, caller.id());
    Optional<ConversationPolicy> policy = policies.of(conversationId);
    // As in one: a policy never judges a resend, so resends are looked for before it.
    if (policy.isPresent() && log.anyStored(caller.id(), clientIds)) {
      return Optional.empty();
    }
    for (int i = 0; i < drafts.size(); i++) {
      String body = drafts.get(i).body();
      if (admit(policy, caller, conversationId, kinds.get(i), clientIds.get(i), body)
          != Admission.PUBLISH) {
        return Optional.empty();
      }
    }
    List<ChatMessage> stored =
        stream.append(
            conversationId,
            drafts.size(),
            caller.id(),
            caller.displayName(),
            (slot, sender, now) -> {
              if (slot.closed()
                  || !member.mayWriteAt(now)
                  || log.anyStored(caller.id(), clientIds)) {
                return List.of();
              }
              List<Message> messages = new ArrayList<>();
              for (int i = 0; i < drafts.size(); i++) {
                messages.add(
                    Message.post(
                        conversationId,
                        slot.seq() + i,
                        sender,
                        clientIds.get(i),
                        kinds.get(i),
                        drafts.get(i).body(),
                        now));
              }
              return messages;
            });
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(stored.stream().map(message -> Posted.stored(message, false)).toList());
  }

  private static Admission admit(
      Optional<ConversationPolicy> policy,
      Caller caller,
      long conversationId,
      MessageKind kind,
      UUID clientId,
      String body) {
    Optional<Admission> admission =
        policy.flatMap(rules -> rules.admit(caller, conversationId, kind, clientId, body));
    if (admission.isPresent()) {
      return admission.get();
    }
    if (kind == MessageKind.RECOMMENDATION || kind == MessageKind.NOTE) {
      throw Refused.invalid("message.text-only");
    }
    return Admission.PUBLISH;
  }

  private Posted resend(
      Message stored, long conversationId, MessageKind kind, Long ref, String body) {
    if (!stored.sameAs(conversationId, kind, ref, body)) {
      throw Refused.conflict("message.id-reused");
    }
    return Posted.stored(
        ChatMessage.of(stored, Aliases.of(aliases.of(conversationId), stored)), true);
  }
}
