package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.entity.Account;
import com.consultchat.messaging.control.Alias;
import com.consultchat.messaging.control.Aliases;
import com.consultchat.messaging.control.ConversationPolicy;
import com.consultchat.messaging.control.ConversationPolicy.Admission;
import com.consultchat.messaging.control.FailFast;
import com.consultchat.messaging.control.Membership;
import com.consultchat.messaging.control.MessageLog;
import com.consultchat.messaging.control.Policies;
import com.consultchat.messaging.control.ReceiptLog;
import com.consultchat.messaging.entity.Conversation;
import com.consultchat.messaging.entity.ConversationMember;
import com.consultchat.messaging.entity.Message;
import com.consultchat.messaging.entity.MessageKind;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The message path. A message is numbered and stored in one transaction; it is pushed only after
 * that transaction commits; a resend with the same client id returns the stored message, never a
 * copy. Features that own conversations add their rules and their participants' aliases through a
 * {@link ConversationPolicy}.
 */
@Stateless
public class Conversations {

  /** A page of history; clients ask again from the last seq until a page comes back short. */
  public static final int PAGE = 500;

  private static final String NOT_YOURS = "You are not a participant of this conversation.";

  @Inject EntityManager em;
  @Resource SessionContext context;
  @Inject Membership membership;
  @Inject ReceiptLog receipts;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Event<Notification> notifications;
  @Inject MessageLog log;
  @Inject Aliases aliases;
  @Inject Policies policies;

  @Interceptors(FailFast.class)
  public Posted post(Caller caller, long conversationId, String rawClientId, String body) {
    return post(caller, conversationId, rawClientId, null, body);
  }

  /** A post of the kind the client names (text by default; others where a policy allows them). */
  @Interceptors(FailFast.class)
  public Posted post(
      Caller caller, long conversationId, String rawClientId, String rawKind, String body) {
    MessageKind kind = MessageKind.post(rawKind);
    Message.checkBody(body, settings.messageMaxLength());
    return store(
        caller,
        conversationId,
        rawClientId,
        kind,
        null,
        body,
        (seq, sender, clientId, now) ->
            Message.post(conversationId, seq, sender, clientId, kind, body, now));
  }

  /**
   * Several first sends of the caller to one conversation, numbered in their order and stored in
   * one transaction, so a backlog (a lane's after a database stall, an offline outbox's) costs one
   * commit rather than one each. If any of them is a resend, is held for review or is refused,
   * nothing is stored and the answer is empty: the caller then posts them one at a time, so each
   * gets its own answer.
   */
  @Interceptors(FailFast.class)
  public Optional<List<Posted>> postTogether(
      Caller caller, long conversationId, List<Draft> drafts) {
    try {
      List<UUID> clientIds = new ArrayList<>();
      List<MessageKind> kinds = new ArrayList<>();
      for (Draft draft : drafts) {
        kinds.add(MessageKind.post(draft.kind()));
        Message.checkBody(draft.body(), settings.messageMaxLength());
        clientIds.add(Message.clientId(draft.clientId()));
      }
      if (drafts.isEmpty() || new HashSet<>(clientIds).size() < clientIds.size()) {
        return apart();
      }
      ConversationMember member = writer(caller, conversationId);
      Optional<ConversationPolicy> policy = policies.of(conversationId);
      // As in store: a policy never judges a resend, so resends are looked for before it.
      if (policy.isPresent() && log.anyStored(caller.id(), clientIds)) {
        return apart();
      }
      for (int i = 0; i < drafts.size(); i++) {
        Admission admission =
            admit(
                policy,
                caller,
                conversationId,
                kinds.get(i),
                clientIds.get(i),
                drafts.get(i).body());
        if (admission != Admission.PUBLISH) {
          return apart();
        }
      }
      MessageLog.Slot slot = log.claim(conversationId, drafts.size());
      Instant now = clock.instant();
      if (slot.closed() || !member.mayWriteAt(now) || log.anyStored(caller.id(), clientIds)) {
        return apart();
      }
      Account sender = em.getReference(Account.class, caller.id());
      List<Posted> posted = new ArrayList<>();
      for (int i = 0; i < drafts.size(); i++) {
        Message message =
            Message.post(
                conversationId,
                slot.seq() + i,
                sender,
                clientIds.get(i),
                kinds.get(i),
                drafts.get(i).body(),
                now);
        posted.add(publish(caller, message, slot.members()));
      }
      return Optional.of(posted);
    } catch (Refused refused) {
      return apart();
    }
  }

  /** Nothing of a group is stored: its posts go one at a time. */
  private Optional<List<Posted>> apart() {
    context.setRollbackOnly();
    return Optional.empty();
  }

  /** Changes the text of one's own message, within the edit window; everyone sees it edited. */
  @Interceptors(FailFast.class)
  public Posted edit(
      Caller caller, long conversationId, String rawClientId, long ref, String body) {
    Message.checkBody(body, settings.messageMaxLength());
    return store(
        caller,
        conversationId,
        rawClientId,
        MessageKind.EDIT,
        ref,
        body,
        (seq, sender, clientId, now) ->
            Message.edit(
                target(conversationId, ref), seq, sender, clientId, body, now, editWindow()));
  }

  /**
   * Deletes one's own message, within the edit window; everyone sees that it was deleted. Earlier
   * edits of it lose their text too, so nothing of it stays stored.
   */
  @Interceptors(FailFast.class)
  public Posted delete(Caller caller, long conversationId, String rawClientId, long ref) {
    Posted posted =
        store(
            caller,
            conversationId,
            rawClientId,
            MessageKind.DELETE,
            ref,
            "",
            (seq, sender, clientId, now) ->
                Message.delete(
                    target(conversationId, ref), seq, sender, clientId, now, editWindow()));
    if (!posted.resend()) {
      em.createNamedQuery(Message.FORGET_EDITS)
          .setParameter("conversation", conversationId)
          .setParameter("ref", ref)
          .executeUpdate();
    }
    return posted;
  }

  /**
   * Tells the other members that the caller is typing. Nothing is stored; a member who may not
   * write now is not typing as far as anyone else is concerned.
   */
  @Interceptors(FailFast.class)
  public void typing(Caller caller, long conversationId) {
    ConversationMember member = writer(caller, conversationId);
    if (!member.mayWriteAt(clock.instant()) || closedNow(conversationId)) {
      return;
    }
    if (policies
        .of(conversationId)
        .map(policy -> policy.silenced(conversationId, caller.id()))
        .orElse(false)) {
      return;
    }
    Set<Long> others = membership.members(conversationId);
    others.remove(caller.id());
    Alias alias = aliases.of(conversationId, caller.id(), caller.displayName());
    notifications.fire(new Typing(conversationId, alias.id(), alias.name(), others));
  }

  /**
   * How many messages from others the caller has not read yet, by conversation; conversations with
   * none are left out.
   */
  public java.util.Map<Long, Long> unread(Caller caller) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select m.conversation_id, count(*) from conversation_member cm"
                    + " join message m on m.conversation_id = cm.conversation_id"
                    + " left join receipt r on r.conversation_id = cm.conversation_id"
                    + " and r.account_id = cm.account_id"
                    + " where cm.account_id = ?1 and m.sender_id <> ?1"
                    + " and m.kind in ('TEXT', 'RECOMMENDATION', 'NOTE')"
                    + " and m.deleted_at is null and m.seq > coalesce(r.read_seq, 0)"
                    + " group by m.conversation_id")
            .setParameter(1, caller.id())
            .getResultList();
    java.util.Map<Long, Long> unread = new java.util.HashMap<>();
    rows.forEach(row -> unread.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    return unread;
  }

  /**
   * The other members of a conversation, for presence: who they are and when last seen, named as
   * the conversation names them (in a room: pseudonym and handle, never the account's name).
   */
  @Interceptors(FailFast.class)
  public List<MemberRef> others(Caller caller, long conversationId) {
    requireReader(caller, conversationId);
    Map<Long, Alias> names = aliases.of(conversationId);
    return membership.others(conversationId, caller.id()).stream()
        .map(
            member -> {
              Alias alias = Aliases.of(names, member.account(), member.name());
              return new MemberRef(member.account(), alias.name(), member.lastSeen(), alias.id());
            })
        .toList();
  }

  private interface Entry {
    Message create(long seq, Account sender, UUID clientId, Instant now);
  }

  /**
   * The one write path: checks, numbers and stores an entry in one transaction and announces it
   * after commit. A resend with the same client id returns what was stored the first time.
   */
  private Posted store(
      Caller caller,
      long conversationId,
      String rawClientId,
      MessageKind kind,
      Long ref,
      String body,
      Entry entry) {
    UUID clientId = Message.clientId(rawClientId);
    ConversationMember member = writer(caller, conversationId);
    Optional<ConversationPolicy> policy = policies.of(conversationId);
    // A policy must never judge a resend (it could hold or refuse what was already stored), so
    // where there is one the id is looked up first; otherwise the lookup under the lock suffices.
    if (policy.isPresent()) {
      Optional<Message> earlier = byClientId(caller, clientId);
      if (earlier.isPresent()) {
        return resend(earlier.get(), conversationId, kind, ref, body);
      }
    }
    if (admit(policy, caller, conversationId, kind, clientId, body) == Admission.HOLD) {
      return Posted.heldForReview(clientId.toString());
    }
    MessageLog.Slot slot = log.claim(conversationId);
    // The conversation row is locked now: a concurrent resend of the same id has committed or
    // waits.
    Optional<Message> stored = byClientId(caller, clientId);
    if (stored.isPresent()) {
      // Answered before the rollback mark: naming the sender may need the database.
      Posted original = resend(stored.get(), conversationId, kind, ref, body);
      context.setRollbackOnly();
      return original;
    }
    if (slot.closed()) {
      throw Refused.conflict("This conversation is closed: it can be read, but not written to.");
    }
    Instant now = clock.instant();
    // Write limits change with their consultation's lock, not the conversation's, so the row read
    // at the start of this request is as current as a reread would be.
    if (!member.mayWriteAt(now)) {
      throw Refused.conflict(
          "You can read this conversation, but you cannot write to it at the moment.");
    }
    Message message =
        entry.create(slot.seq(), em.getReference(Account.class, caller.id()), clientId, now);
    return publish(caller, message, slot.members());
  }

  /** Stores a numbered message and announces it to the members once the transaction commits. */
  private Posted publish(Caller caller, Message message, Set<Long> members) {
    em.persist(message);
    long conversationId = message.conversationId();
    Alias sender = aliases.of(conversationId, caller.id(), caller.displayName());
    // Built from the caller rather than the sender proxy, which would cost a select per message.
    ChatMessage posted =
        new ChatMessage(
            conversationId,
            message.seq(),
            message.clientId().toString(),
            sender.id(),
            sender.name(),
            message.kind().name(),
            message.body(),
            message.createdAt(),
            message.refSeq(),
            null,
            null,
            false);
    notifications.fire(new MessagePosted(posted, members));
    return Posted.stored(posted, false);
  }

  private ConversationMember writer(Caller caller, long conversationId) {
    return membership
        .member(conversationId, caller.id())
        .orElseThrow(() -> Refused.forbidden(NOT_YOURS));
  }

  private Message target(long conversationId, long ref) {
    return em.createNamedQuery(Message.BY_SEQ, Message.class)
        .setParameter("conversation", conversationId)
        .setParameter("seq", ref)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> Refused.notFound("There is no such message in this conversation."));
  }

  private Duration editWindow() {
    return Duration.ofMinutes(settings.editWindowMinutes());
  }

  /**
   * What the caller missed after {@code afterSeq}: messages oldest first, at most {@link #PAGE},
   * and where everyone's receipts stand.
   */
  @Interceptors(FailFast.class)
  public CatchUp catchUp(Caller caller, long conversationId, long afterSeq) {
    List<ChatMessage> messages = history(caller, conversationId, afterSeq);
    Map<Long, Alias> names = aliases.of(conversationId);
    return new CatchUp(
        conversationId,
        messages,
        receipts.of(conversationId, caller.id(), settings.readReceipts()).stream()
            .map(receipt -> Aliases.of(names, receipt))
            .toList(),
        messages.size() < PAGE);
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

  /**
   * Members only. Administrators read other people's consultations through the audited transcript,
   * never through the live path.
   */
  public boolean mayRead(Caller caller, long conversationId) {
    return membership.isMember(conversationId, caller.id());
  }

  private void requireReader(Caller caller, long conversationId) {
    if (!mayRead(caller, conversationId)) {
      throw Refused.forbidden(NOT_YOURS);
    }
  }

  /** Whether the conversation is closed, for signals that store nothing. */
  private boolean closedNow(long conversationId) {
    return em.createNamedQuery(Conversation.CLOSED_AT, Instant.class)
            .setParameter("id", conversationId)
            .getSingleResult()
        != null;
  }

  private Optional<Message> byClientId(Caller caller, UUID clientId) {
    return log.byClientId(caller.id(), clientId);
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
      throw Refused.invalid("Only text messages can be written here.");
    }
    return Admission.PUBLISH;
  }

  private Posted resend(
      Message stored, long conversationId, MessageKind kind, Long ref, String body) {
    if (!stored.sameAs(conversationId, kind, ref, body)) {
      throw Refused.conflict(
          "This message id was already used for a different message; the original is unchanged.");
    }
    return Posted.stored(
        ChatMessage.of(stored, Aliases.of(aliases.of(conversationId), stored)), true);
  }
}
