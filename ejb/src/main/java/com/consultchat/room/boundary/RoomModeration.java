package com.consultchat.room.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.messaging.boundary.Alias;
import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.ConversationModeration;
import com.consultchat.messaging.boundary.StoredMessage;
import com.consultchat.messaging.boundary.StoredMessages;
import com.consultchat.platform.boundary.RateLimits;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.control.RoomAccess;
import com.consultchat.room.control.RoomPolicy;
import com.consultchat.room.entity.HeldPost;
import com.consultchat.room.entity.Report;
import com.consultchat.room.entity.Room;
import com.consultchat.room.entity.RoomMember;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Keeping a room safe: moderators take messages down, members report them, moderators work the
 * reports and release or reject posts held for review. Only the room's staff moderate.
 */
@Stateless
public class RoomModeration {

  private static final int EXCERPT = 280;

  @Inject EntityManager em;
  @Inject RoomAccess access;
  @Inject RoomPolicy policy;
  @Inject ConversationModeration moderation;
  @Inject StoredMessages messages;
  @Inject Clock clock;
  @Inject RateLimits rateLimits;
  @Inject AuditLog auditLog;

  /**
   * Shown to everyone as removed by a moderator, live and in catch-up: a DELETE entry in the
   * stream, marked as the moderator's. Removing twice is fine.
   */
  public void removeMessage(Caller caller, long roomId, long seq) {
    access.requireModerator(caller, roomId);
    moderation.removeMessage(caller, access.room(roomId).conversationId(), seq);
    access.changed(roomId);
    moderated(caller, AuditAction.ROOM_MESSAGE_REMOVED, roomId, "message " + seq);
  }

  public void report(Caller caller, long roomId, long seq, String reason) {
    access.requireParticipant(caller, roomId);
    rateLimits.spend(caller.id(), RateLimits.Kind.ACTIONS);
    StoredMessage message =
        messages.at(ConversationKind.ROOM, access.room(roomId).conversationId(), seq);
    if (message.deleted()) {
      throw Refused.conflict("room.message-already-removed");
    }
    long open =
        em.createNamedQuery(Report.OPEN_BY, Long.class)
            .setParameter("message", message.id())
            .setParameter("reporter", caller.id())
            .getSingleResult();
    if (open > 0) {
      throw Refused.conflict("room.already-reported");
    }
    em.persist(new Report(roomId, message.id(), caller.id(), reason, clock.instant()));
    access.changed(roomId);
  }

  /** Open reports of the rooms this person moderates, oldest first. */
  public List<ReportItem> openReports(Caller caller) {
    if (!caller.isStaff()) {
      throw Refused.forbidden("room.reports-staff-only");
    }
    List<Long> rooms =
        caller.isAdmin()
            ? em.createQuery("select g.id from Room g", Long.class).getResultList()
            : em.createNamedQuery(RoomMember.OF_ACCOUNT, RoomMember.class)
                .setParameter("account", caller.id())
                .getResultStream()
                .filter(RoomMember::isActive)
                .map(RoomMember::roomId)
                .toList();
    return reports(rooms);
  }

  public List<ReportItem> openReports(Caller caller, long roomId) {
    access.requireModerator(caller, roomId);
    return reports(List.of(roomId));
  }

  /** Closes a report with what was done; {@code removeMessage} also takes the message down. */
  public void resolve(Caller caller, long reportId, String resolution, boolean removeMessage) {
    Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
    if (report == null || !access.isModerator(caller, report.roomId())) {
      throw Refused.notFound("room.no-report");
    }
    report.resolve(caller.id(), resolution, clock.instant());
    if (removeMessage) {
      long seq = messages.byId(ConversationKind.ROOM, report.messageId()).seq();
      removeMessage(caller, report.roomId(), seq);
    }
    access.changed(report.roomId());
  }

  /** Posts waiting for review: all of them for moderators, their own for a patient. */
  public List<HeldItem> held(Caller caller, long roomId) {
    access.requireReader(caller, roomId);
    boolean moderator = access.isModerator(caller, roomId);
    Map<Long, Alias> names = policy.aliases(access.room(roomId).conversationId());
    return em.createNamedQuery(HeldPost.WAITING, HeldPost.class)
        .setParameter("room", roomId)
        .getResultStream()
        .filter(post -> moderator || post.senderId() == caller.id())
        .map(
            post ->
                new HeldItem(
                    post.id(),
                    label(names, post.senderId(), moderator),
                    post.body(),
                    post.heldAt()))
        .toList();
  }

  /** Releases a held post into the room: it is numbered now and everyone gets it. */
  public void release(Caller caller, long heldId) {
    HeldPost post = heldForModerator(caller, heldId);
    post.release(caller.id(), clock.instant());
    // Numbering comes last, so a refusal above leaves no gap.
    moderation.publishHeld(
        caller,
        access.room(post.roomId()).conversationId(),
        post.senderId(),
        post.clientId(),
        post.body());
    access.changed(post.roomId(), post.senderId());
    moderated(caller, AuditAction.ROOM_POST_RELEASED, post.roomId(), heldDetail(post));
  }

  public void reject(Caller caller, long heldId) {
    HeldPost post = heldForModerator(caller, heldId);
    post.reject(caller.id(), clock.instant());
    access.changed(post.roomId(), post.senderId());
    moderated(caller, AuditAction.ROOM_POST_REJECTED, post.roomId(), heldDetail(post));
  }

  /** Last in the change, after its row locks (see the audit trail's chain head); no text. */
  private void moderated(Caller caller, AuditAction action, long roomId, String detail) {
    auditLog.record(caller, false, action, AuditTarget.ROOM, roomId, detail);
  }

  private static String heldDetail(HeldPost post) {
    return "held post " + post.id() + " of account " + post.senderId();
  }

  private HeldPost heldForModerator(Caller caller, long heldId) {
    HeldPost post = em.find(HeldPost.class, heldId, LockModeType.PESSIMISTIC_WRITE);
    if (post == null || !access.isModerator(caller, post.roomId())) {
      throw Refused.notFound("room.no-held-post");
    }
    access.room(post.roomId()).requireOpen();
    return post;
  }

  private List<ReportItem> reports(List<Long> rooms) {
    if (rooms.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Report.OPEN_IN, Report.class)
        .setParameter("rooms", rooms)
        .getResultStream()
        .map(this::item)
        .toList();
  }

  private ReportItem item(Report report) {
    Room room = access.room(report.roomId());
    StoredMessage message = messages.byId(ConversationKind.ROOM, report.messageId());
    Map<Long, Alias> names = policy.aliases(room.conversationId());
    String body = message.deleted() ? "" : message.body();
    return new ReportItem(
        report.id(),
        room.id(),
        room.name(),
        message.seq(),
        body.length() > EXCERPT ? body.substring(0, EXCERPT) + "…" : body,
        message.deleted(),
        label(names, message.senderId(), true),
        label(names, report.reporterId(), true),
        report.reason(),
        report.reportedAt());
  }

  /** Pseudonym, and for moderators the person behind it. */
  private String label(Map<Long, Alias> names, long accountId, boolean moderator) {
    String pseudonym = names.containsKey(accountId) ? names.get(accountId).name() : null;
    String realName = access.person(accountId).displayName();
    if (pseudonym == null) {
      return realName;
    }
    return moderator && !pseudonym.equals(realName) ? pseudonym + " (" + realName + ")" : pseudonym;
  }
}
