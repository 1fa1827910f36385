package com.consultchat.room.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.OwnedConversations;
import com.consultchat.platform.boundary.RateLimits;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.control.RoomAccess;
import com.consultchat.room.entity.JoinPolicy;
import com.consultchat.room.entity.Person;
import com.consultchat.room.entity.Pseudonym;
import com.consultchat.room.entity.Room;
import com.consultchat.room.entity.RoomMember;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Joining, leaving and being moved in or out of a room. A member's standing and their membership of
 * the room's conversation change together, in one transaction, under the room's row lock.
 */
@Stateless
public class RoomMemberships {

  /** The longest mute, so a forgotten one ends by itself. */
  public static final int MUTE_MAX_MINUTES = 7 * 24 * 60;

  @Inject EntityManager em;
  @Inject RoomAccess access;
  @Inject OwnedConversations conversations;
  @Inject Clock clock;
  @Inject RateLimits rateLimits;
  @Inject AuditLog auditLog;

  /**
   * Joins an open room at once, or asks to join one that needs approval. Patients go by the
   * pseudonym they choose (a generated one if they leave it empty); staff go by their name.
   */
  public MemberStatus join(Caller caller, long roomId, String pseudonym) {
    rateLimits.spend(caller.id(), RateLimits.Kind.ACTIONS);
    Room room = access.locked(roomId);
    room.requireOpen();
    String name =
        caller.isStaff() ? staffName(room, caller) : pseudonymFor(room, caller, pseudonym);
    boolean open = caller.isStaff() || room.joinPolicy() == JoinPolicy.OPEN;
    Instant now = clock.instant();
    Optional<RoomMember> earlier = access.member(roomId, caller.id());
    RoomMember member;
    if (earlier.isPresent()) {
      member = earlier.get();
      member.rejoin(name, open, now);
    } else {
      member = new RoomMember(roomId, caller.id(), name, open, now);
      em.persist(member);
    }
    if (member.isActive()) {
      conversations.admit(ConversationKind.ROOM, room.conversationId(), caller.id());
    }
    access.changed(roomId, caller.id());
    return member.status();
  }

  public void approve(Caller caller, long roomId, long accountId) {
    decide(caller, roomId, accountId, true);
  }

  public void decline(Caller caller, long roomId, long accountId) {
    decide(caller, roomId, accountId, false);
  }

  public void leave(Caller caller, long roomId) {
    rateLimits.spend(caller.id(), RateLimits.Kind.ACTIONS);
    Room room = access.locked(roomId);
    RoomMember member =
        access.member(roomId, caller.id()).orElseThrow(() -> Refused.conflict("room.not-member"));
    member.leave(clock.instant());
    conversations.remove(ConversationKind.ROOM, room.conversationId(), caller.id());
    access.changed(roomId, caller.id());
  }

  /** A patient's new pseudonym; their earlier posts show it too. */
  public void rename(Caller caller, long roomId, String pseudonym) {
    if (!caller.isPatient()) {
      throw Refused.invalid("room.staff-own-name");
    }
    rateLimits.spend(caller.id(), RateLimits.Kind.ACTIONS);
    Room room = access.locked(roomId);
    room.requireOpen();
    RoomMember member = access.requireParticipant(caller, roomId);
    member.rename(pseudonymFor(room, caller, pseudonym));
    access.changed(roomId);
  }

  /** Silences a member for a while: they still read, but their posts are refused. */
  public void mute(Caller caller, long roomId, long accountId, int minutes) {
    if (minutes < 1 || minutes > MUTE_MAX_MINUTES) {
      throw Refused.invalid("room.mute-length");
    }
    RoomMember member = target(caller, roomId, accountId);
    member.muteUntil(clock.instant().plus(Duration.ofMinutes(minutes)));
    access.changed(roomId, accountId);
    moderated(caller, AuditAction.ROOM_MEMBER_MUTED, roomId, accountId, " for " + minutes + " min");
  }

  public void unmute(Caller caller, long roomId, long accountId) {
    target(caller, roomId, accountId).unmute();
    access.changed(roomId, accountId);
    moderated(caller, AuditAction.ROOM_MEMBER_UNMUTED, roomId, accountId, "");
  }

  /** Out of the room; they may ask to join again. */
  public void remove(Caller caller, long roomId, long accountId) {
    RoomMember member = target(caller, roomId, accountId);
    member.remove(clock.instant());
    conversations.remove(ConversationKind.ROOM, access.room(roomId).conversationId(), accountId);
    access.changed(roomId, accountId);
    moderated(caller, AuditAction.ROOM_MEMBER_REMOVED, roomId, accountId, "");
  }

  /** Out of the room for good. */
  public void ban(Caller caller, long roomId, long accountId) {
    RoomMember member = target(caller, roomId, accountId);
    member.ban(clock.instant());
    conversations.remove(ConversationKind.ROOM, access.room(roomId).conversationId(), accountId);
    access.changed(roomId, accountId);
    moderated(caller, AuditAction.ROOM_MEMBER_BANNED, roomId, accountId, "");
  }

  /**
   * The room's members. Participants see who is in, patients by pseudonym only; moderators also see
   * real names, requests, mutes and who is out. {@code online}: whether an account has the app
   * open, as the web layer's presence knows it.
   */
  public List<MemberView> members(Caller caller, long roomId, LongPredicate online) {
    access.requireReader(caller, roomId);
    boolean moderator = access.isModerator(caller, roomId);
    Instant now = clock.instant();
    return em.createNamedQuery(RoomMember.OF_ROOM, RoomMember.class)
        .setParameter("room", roomId)
        .getResultStream()
        .filter(m -> moderator || m.isActive())
        .map(m -> view(m, access.person(m.accountId()), moderator, caller, now, online))
        .toList();
  }

  private static MemberView view(
      RoomMember member,
      Person person,
      boolean moderator,
      Caller viewer,
      Instant now,
      LongPredicate online) {
    boolean known = moderator || person.isStaff() || person.id() == viewer.id();
    return new MemberView(
        known ? person.id() : 0,
        member.pseudonym(),
        known ? person.displayName() : null,
        person.isStaff(),
        member.status(),
        moderator ? member.mutedUntil() : null,
        moderator && member.isMutedAt(now),
        person.id() == viewer.id(),
        online.test(person.id()));
  }

  /** Last in the change, after its row locks (see the audit trail's chain head). */
  private void moderated(
      Caller caller, AuditAction action, long roomId, long accountId, String more) {
    auditLog.record(
        caller, false, action, AuditTarget.ROOM, roomId, "member account " + accountId + more);
  }

  private void decide(Caller caller, long roomId, long accountId, boolean approve) {
    access.requireModerator(caller, roomId);
    Room room = access.locked(roomId);
    room.requireOpen();
    RoomMember member =
        access.member(roomId, accountId).orElseThrow(() -> Refused.notFound("room.no-request"));
    Instant now = clock.instant();
    if (approve) {
      member.approve(now);
      conversations.admit(ConversationKind.ROOM, room.conversationId(), accountId);
    } else {
      member.decline(now);
    }
    access.changed(roomId, accountId);
  }

  /** A member a moderator acts on: never themselves, never staff. */
  private RoomMember target(Caller caller, long roomId, long accountId) {
    access.requireModerator(caller, roomId);
    access.locked(roomId).requireOpen();
    if (accountId == caller.id()) {
      throw Refused.invalid("room.not-yourself");
    }
    RoomMember member =
        access.member(roomId, accountId).orElseThrow(() -> Refused.notFound("room.no-member"));
    if (access.person(accountId).isStaff()) {
      throw Refused.invalid("room.staff-untouchable");
    }
    return member;
  }

  /** Staff go by their name, which no patient of the room may have taken as a pseudonym. */
  private String staffName(Room room, Caller caller) {
    if (taken(room.id(), caller.displayName(), caller.id())) {
      throw Refused.conflict("room.name-taken-by-member");
    }
    return caller.displayName();
  }

  private String pseudonymFor(Room room, Caller caller, String wanted) {
    if (wanted == null || wanted.isBlank()) {
      for (int attempt = 0; attempt < 20; attempt++) {
        String generated = Pseudonym.generate();
        if (!taken(room.id(), generated, caller.id())) {
          return generated;
        }
      }
      throw Refused.conflict("room.pseudonym-needed");
    }
    String chosen = Pseudonym.chosen(wanted, caller.username(), caller.displayName());
    if (taken(room.id(), chosen, caller.id())) {
      throw Refused.conflict("room.pseudonym-taken");
    }
    return chosen;
  }

  private boolean taken(long roomId, String pseudonym, long accountId) {
    return em.createNamedQuery(RoomMember.PSEUDONYM_TAKEN, Long.class)
            .setParameter("room", roomId)
            .setParameter("pseudonym", pseudonym)
            .setParameter("account", accountId)
            .getSingleResult()
        > 0;
  }
}
