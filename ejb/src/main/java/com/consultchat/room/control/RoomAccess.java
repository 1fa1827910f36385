package com.consultchat.room.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.boundary.MemberStatus;
import com.consultchat.room.boundary.RoomChanged;
import com.consultchat.room.entity.Person;
import com.consultchat.room.entity.Room;
import com.consultchat.room.entity.RoomMember;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what in a room. Moderators are the room's staff members (and administrators);
 * participants are its active members. Anyone else is told the room or message does not exist where
 * existence itself would say too much.
 */
@Dependent
public class RoomAccess {

  public static final String NO_ROOM = "room.missing";
  private static final String NOT_A_MEMBER = "room.not-member";

  @Inject EntityManager em;
  @Inject Event<Notification> notifications;

  public Room room(long roomId) {
    Room room = em.find(Room.class, roomId);
    if (room == null) {
      throw Refused.notFound(NO_ROOM);
    }
    return room;
  }

  /** The room, locked: changes of one room's membership happen one after another. */
  public Room locked(long roomId) {
    Room room = em.find(Room.class, roomId, LockModeType.PESSIMISTIC_WRITE);
    if (room == null) {
      throw Refused.notFound(NO_ROOM);
    }
    return room;
  }

  public Optional<Room> byConversation(long conversationId) {
    return em.createNamedQuery(Room.BY_CONVERSATION, Room.class)
        .setParameter("conversation", conversationId)
        .getResultStream()
        .findFirst();
  }

  public Optional<RoomMember> member(long roomId, long accountId) {
    return Optional.ofNullable(em.find(RoomMember.class, new RoomMember.Key(roomId, accountId)));
  }

  public boolean isParticipant(Caller caller, long roomId) {
    return member(roomId, caller.id()).map(RoomMember::isActive).orElse(false);
  }

  public boolean isModerator(Caller caller, long roomId) {
    return caller.isAdmin() || (caller.isStaff() && isParticipant(caller, roomId));
  }

  public RoomMember requireParticipant(Caller caller, long roomId) {
    return member(roomId, caller.id())
        .filter(RoomMember::isActive)
        .orElseThrow(() -> Refused.forbidden(NOT_A_MEMBER));
  }

  /** Patients and staff who are not in the room must not learn what is in it. */
  public void requireReader(Caller caller, long roomId) {
    if (!isModerator(caller, roomId) && !isParticipant(caller, roomId)) {
      throw Refused.forbidden(NOT_A_MEMBER);
    }
  }

  public void requireModerator(Caller caller, long roomId) {
    if (!isModerator(caller, roomId)) {
      throw Refused.forbidden("room.staff-only");
    }
  }

  public Person person(long accountId) {
    Person person = em.find(Person.class, accountId);
    if (person == null) {
      throw Refused.notFound("room.no-member");
    }
    return person;
  }

  /** Tells the screens of everyone in or waiting for the room, and the named others. */
  public void changed(long roomId, Long... others) {
    Set<Long> recipients = new HashSet<>(Arrays.asList(others));
    em.createNamedQuery(RoomMember.OF_ROOM, RoomMember.class)
        .setParameter("room", roomId)
        .getResultStream()
        .filter(m -> m.status() == MemberStatus.ACTIVE || m.status() == MemberStatus.REQUESTED)
        .forEach(m -> recipients.add(m.accountId()));
    notifications.fire(new RoomChanged(roomId, recipients));
  }
}
