package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.control.Aliases;
import com.consultchat.messaging.control.FailFast;
import com.consultchat.messaging.control.GroupCommit;
import com.consultchat.messaging.control.Membership;
import com.consultchat.messaging.control.MessageLog;
import com.consultchat.messaging.control.MessageStream;
import com.consultchat.messaging.control.Policies;
import com.consultchat.messaging.control.Posting;
import com.consultchat.messaging.control.ReceiptLog;
import com.consultchat.messaging.control.SinglePost;
import com.consultchat.messaging.entity.Conversation;
import com.consultchat.messaging.entity.ConversationMember;
import com.consultchat.messaging.entity.Message;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The participants' message path: posting, changing what one posted, typing, catching up. Every
 * entry is numbered and stored in one transaction by the one write path (control {@code
 * MessageStream}) and pushed only after that transaction commits; a resend with the same client id
 * returns the stored message, never a copy. Features that own conversations add their rules and
 * their participants' aliases through a {@link ConversationPolicy}, and open, staff and moderate
 * them through {@link OwnedConversations} and {@link ConversationModeration}.
 */
@Stateless
public class Conversations {

  /** A page of history; clients ask again from the last seq until a page comes back short. */
  public static final int PAGE = 500;

  @Inject EntityManager em;
  @Resource SessionContext context;
  @Inject Membership membership;
  @Inject ReceiptLog receipts;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Event<Notification> notifications;
  @Inject Posting posting;
  @Inject GroupCommit groupCommit;
  @Inject SinglePost single;
  @Inject MessageLog log;
  @Inject Aliases aliases;
  @Inject Policies policies;
  @Inject MessageStream stream;
  @Inject Purges purges;

  /** A text post; see the other {@code post}. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Posted post(Caller caller, long conversationId, String rawClientId, String body) {
    return post(caller, conversationId, rawClientId, null, body);
  }

  /**
   * A post of the kind the client names (text by default; others where a policy allows them). Text
   * to a conversation no policy judges (a consultation) is stored by group commit, together with
   * whatever else is posted meanwhile; the rest in a transaction of its own. Either way the answer
   * comes after commit. No transaction here: a poster waiting for its group must hold no connection
   * the group needs.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Posted post(
      Caller caller, long conversationId, String rawClientId, String rawKind, String body) {
    MessageKind kind = MessageKind.post(rawKind);
    if (checkedForGroupCommit(conversationId, rawClientId, kind, body)) {
      return groupCommit.post(caller, conversationId, rawClientId, body);
    }
    return single.post(caller, conversationId, rawClientId, kind, body);
  }

  /**
   * As {@link #post(Caller, long, String, String, String)}, without waiting for group commit: the
   * answer completes once the post is committed (or with the refusal or failure that kept it out),
   * so the caller holds no thread meanwhile. Posts that group commit does not take are stored here
   * and now, and come back complete. Checks of the frame itself are refused here and now too.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public CompletableFuture<Posted> postLater(
      Caller caller, long conversationId, String rawClientId, String rawKind, String body) {
    MessageKind kind = MessageKind.post(rawKind);
    if (checkedForGroupCommit(conversationId, rawClientId, kind, body)) {
      return groupCommit.postLater(caller, conversationId, rawClientId, body);
    }
    return CompletableFuture.completedFuture(
        single.post(caller, conversationId, rawClientId, kind, body));
  }

  /**
   * Refuses a post whose text or client id is unfit; then whether group commit stores it (text to a
   * conversation no policy judges, that is a consultation).
   */
  private boolean checkedForGroupCommit(
      long conversationId, String rawClientId, MessageKind kind, String body) {
    Message.checkBody(body, settings.messageMaxLength());
    Message.clientId(rawClientId);
    return kind == MessageKind.TEXT && policies.of(conversationId).isEmpty();
  }

  /**
   * A file as an entry of the conversation, with an optional caption: numbered, stored and pushed
   * like any post, inside the caller's transaction (the attachment path, which stored the file's
   * bytes in it). A resend with the same client id returns the original; the caller must then roll
   * back its own copy of the bytes.
   */
  @Interceptors(FailFast.class)
  public Posted postFile(
      Caller caller, long conversationId, String rawClientId, FileRef file, String caption) {
    checkCaption(caption);
    return posting.one(
        caller,
        conversationId,
        rawClientId,
        MessageKind.FILE,
        null,
        caption,
        (seq, sender, clientId, now) ->
            Message.file(conversationId, seq, sender, clientId, file, caption, now));
  }

  /**
   * The caller's file entry stored before under this client id, if any, answered as a resend; so a
   * file sent again is not received a second time. Refused if the id names something else.
   */
  public Optional<Posted> earlierFile(
      Caller caller, long conversationId, String rawClientId, String caption) {
    checkCaption(caption);
    return posting.earlier(caller, conversationId, rawClientId, MessageKind.FILE, caption);
  }

  /**
   * Changes the kind or verification of the file {@code fileId} of the conversation as {@code rule}
   * decides: a FILE_UPDATE entry naming the file's entry, numbered, stored and pushed like an edit,
   * so every member sees it live, in catch-up and over polling. {@code change} says what was asked
   * (a resend with the same client id must ask the same). Whoever calls has checked that the caller
   * may see the file; the rule decides whether they may change it.
   */
  @Interceptors(FailFast.class)
  public Posted updateFile(
      Caller caller,
      long conversationId,
      long fileId,
      String rawClientId,
      String change,
      FileChange rule) {
    UUID clientId = Message.clientId(rawClientId);
    Message target =
        em.createNamedQuery(Message.FILE_ENTRY, Message.class)
            .setParameter("file", fileId)
            .getResultStream()
            .filter(entry -> entry.conversationId() == conversationId)
            .findFirst()
            .orElseThrow(() -> Refused.notFound("conversation.file.unknown"));
    Optional<Message> earlier = log.byClientId(caller.id(), clientId);
    if (earlier.isPresent()) {
      return fileResend(earlier.get(), conversationId, target.seq(), change);
    }
    Optional<ConversationMember> member = membership.member(conversationId, caller.id());
    AtomicReference<Posted> original = new AtomicReference<>();
    List<ChatMessage> stored =
        stream.append(
            conversationId,
            1,
            caller.id(),
            caller.displayName(),
            (slot, sender, now) -> {
              // Locked now: a concurrent resend has committed, a concurrent change shows.
              Optional<Message> again = log.byClientId(caller.id(), clientId);
              if (again.isPresent()) {
                original.set(fileResend(again.get(), conversationId, target.seq(), change));
                return List.of();
              }
              if (slot.closed()) {
                throw Refused.conflict("conversation.closed");
              }
              // Relabelling a file is writing: a member who may not write now (muted, an archived
              // room, outside a write window) may not. An administrator who is no member only
              // withdraws verifications, which the rule decides alone.
              if (member.isPresent() && !mayWriteNow(member.get(), conversationId, now)) {
                throw Refused.conflict("conversation.read-only.now");
              }
              em.refresh(target);
              if (target.isDeleted()) {
                throw Refused.conflict("message.file.removed");
              }
              String actor = aliases.of(conversationId, caller.id(), caller.displayName()).name();
              FileRef next = rule.apply(target.file(), target.sender().id(), actor, now);
              return List.of(
                  Message.updateFile(target, next, slot.seq(), sender, clientId, change, now));
            });
    return stored.isEmpty() ? original.get() : Posted.stored(stored.get(0), false);
  }

  /** Within the member's write limits, and not silenced by the conversation's owner. */
  private boolean mayWriteNow(ConversationMember member, long conversationId, Instant now) {
    return member.mayWriteAt(now)
        && !policies
            .of(conversationId)
            .map(policy -> policy.silenced(conversationId, member.accountId()))
            .orElse(false);
  }

  private Posted fileResend(Message stored, long conversationId, long ref, String change) {
    if (!stored.sameAs(conversationId, MessageKind.FILE_UPDATE, ref, change)) {
      throw Refused.conflict("message.change.id-reused");
    }
    return Posted.stored(
        ChatMessage.of(stored, Aliases.of(aliases.of(conversationId), stored)), true);
  }

  /** A caption is optional; one given is held to the rules of a message. */
  private void checkCaption(String caption) {
    if (caption == null) {
      throw Refused.invalid("message.caption.unreadable");
    }
    if (!caption.isEmpty()) {
      Message.checkBody(caption, settings.messageMaxLength());
    }
  }

  /**
   * Several first sends of the caller to one conversation, numbered in their order and stored by
   * one transaction of their own, so a backlog (a lane's after a database stall, an offline
   * outbox's) costs one commit rather than one each. (Text to a consultation is better given to
   * {@link #postTogetherLater}, which stores it by group commit.) If any of them is refused or held
   * for review the answer is empty and the caller posts them one at a time, so each gets its own
   * answer (those stored meanwhile then come back as resends).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<List<Posted>> postTogether(
      Caller caller, long conversationId, List<Draft> drafts) {
    return single.together(caller, conversationId, drafts);
  }

  /**
   * Several text sends of the caller to one consultation, without waiting: an answer per draft, in
   * order, each completing once its draft is committed or refused (a refused draft fails alone).
   * Empty where group commit does not take them (a policy judges the conversation, or a draft is
   * not text); then {@link #postTogether} is the way.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<List<CompletableFuture<Posted>>> postTogetherLater(
      Caller caller, long conversationId, List<Draft> drafts) {
    boolean allText =
        drafts.stream().allMatch(draft -> MessageKind.post(draft.kind()) == MessageKind.TEXT);
    if (drafts.isEmpty() || !allText || policies.of(conversationId).isPresent()) {
      return Optional.empty();
    }
    for (Draft draft : drafts) {
      Message.checkBody(draft.body(), settings.messageMaxLength());
      Message.clientId(draft.clientId());
    }
    return Optional.of(groupCommit.togetherLater(caller, conversationId, drafts));
  }

  /** Changes the text of one's own message, within the edit window; everyone sees it edited. */
  @Interceptors(FailFast.class)
  public Posted edit(
      Caller caller, long conversationId, String rawClientId, long ref, String body) {
    Message.checkBody(body, settings.messageMaxLength());
    return posting.one(
        caller,
        conversationId,
        rawClientId,
        MessageKind.EDIT,
        ref,
        body,
        (seq, sender, clientId, now) ->
            Message.edit(
                log.at(conversationId, ref), seq, sender, clientId, body, now, editWindow()));
  }

  /**
   * Deletes one's own message, within the edit window; everyone sees that it was deleted. Earlier
   * edits of it lose their text too, so nothing of it stays stored.
   */
  @Interceptors(FailFast.class)
  public Posted delete(Caller caller, long conversationId, String rawClientId, long ref) {
    Posted posted =
        posting.one(
            caller,
            conversationId,
            rawClientId,
            MessageKind.DELETE,
            ref,
            "",
            (seq, sender, clientId, now) ->
                Message.delete(
                    log.at(conversationId, ref), seq, sender, clientId, now, editWindow()));
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
    ConversationMember member = membership.required(conversationId, caller.id());
    if (closedNow(conversationId) || !mayWriteNow(member, conversationId, clock.instant())) {
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
  public Map<Long, Long> unread(Caller caller) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select m.conversation_id, count(*) from conversation_member cm"
                    + " join message m on m.conversation_id = cm.conversation_id"
                    + " left join receipt r on r.conversation_id = cm.conversation_id"
                    + " and r.account_id = cm.account_id"
                    + " where cm.account_id = ?1 and m.sender_id <> ?1"
                    + " and m.kind in ('TEXT', 'RECOMMENDATION', 'NOTE', 'FILE')"
                    + " and m.deleted_at is null and m.seq > coalesce(r.read_seq, 0)"
                    + " group by m.conversation_id")
            .setParameter(1, caller.id())
            .getResultList();
    Map<Long, Long> unread = new HashMap<>();
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
        messages.size() < PAGE,
        purges.ranges(conversationId));
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
      throw Refused.forbidden(Membership.NOT_A_PARTICIPANT);
    }
  }

  /** Whether the conversation is closed, for signals that store nothing. */
  private boolean closedNow(long conversationId) {
    return em.createNamedQuery(Conversation.CLOSED_AT, Instant.class)
            .setParameter("id", conversationId)
            .getSingleResult()
        != null;
  }
}
