package com.consultchat.room.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.messaging.boundary.ConversationActivity;
import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.MembershipEnded;
import com.consultchat.messaging.boundary.OwnedConversations;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.control.RoomAccess;
import com.consultchat.room.entity.Room;
import com.consultchat.room.entity.RoomMember;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The administrator's view of every room with its activity, and the changes only administrators
 * make: correcting a room's name, topic and description, and deleting a room with all its messages
 * and files. Both are audited; a deletion tells the members' pages after commit.
 */
@Stateless
public class RoomAdministration {

  private static final Duration RECENT = Duration.ofDays(7);

  @Inject EntityManager em;
  @Inject RoomAccess access;
  @Inject OwnedConversations owned;
  @Inject AuditLog auditLog;
  @Inject Event<Notification> notifications;
  @Inject Clock clock;

  public List<RoomActivity> overview(Caller admin) {
    requireAdmin(admin);
    List<Room> rooms = em.createNamedQuery(Room.ALL, Room.class).getResultList();
    Map<Long, Long> members = new HashMap<>();
    em.createQuery(
            "select m.roomId, count(m) from RoomMember m"
                + " where m.status = com.consultchat.room.boundary.MemberStatus.ACTIVE"
                + " group by m.roomId",
            Object[].class)
        .getResultStream()
        .forEach(row -> members.put((Long) row[0], (Long) row[1]));
    Map<Long, ConversationActivity> activity =
        owned.activity(
            ConversationKind.ROOM,
            rooms.stream().map(Room::conversationId).toList(),
            clock.instant().minus(RECENT));
    return rooms.stream()
        .map(
            room -> {
              ConversationActivity busy =
                  activity.getOrDefault(room.conversationId(), ConversationActivity.NONE);
              return new RoomActivity(
                  room.id(),
                  room.name(),
                  room.topic(),
                  room.description(),
                  room.isArchived(),
                  members.getOrDefault(room.id(), 0L),
                  busy.recentMessages(),
                  busy.lastMessageAt());
            })
        .toList();
  }

  public void edit(Caller admin, long roomId, String name, String topic, String description) {
    requireAdmin(admin);
    Room room = access.locked(roomId);
    String before = room.name();
    room.edit(name, topic, description);
    auditLog.record(
        admin,
        true,
        AuditAction.ROOM_EDITED,
        AuditTarget.ROOM,
        roomId,
        before.equals(room.name()) ? "details changed" : "renamed");
    access.changed(roomId);
  }

  /** Deletes the room, its members, reports, held posts, pins, messages and files, for good. */
  public void delete(Caller admin, long roomId) {
    requireAdmin(admin);
    Room room = access.locked(roomId);
    long conversation = room.conversationId();
    Set<Long> members =
        em.createNamedQuery(RoomMember.OF_ROOM, RoomMember.class)
            .setParameter("room", roomId)
            .getResultStream()
            .map(RoomMember::accountId)
            .collect(Collectors.toSet());
    // What refers to the room's messages goes first, then the room, then its conversation.
    for (String table : List.of("focus_group_pin", "message_report", "held_post")) {
      em.createNativeQuery("delete from " + table + " where focus_group_id = ?1")
          .setParameter(1, roomId)
          .executeUpdate();
    }
    em.createNativeQuery(
            "delete from recommendation_ack where message_id in"
                + " (select id from message where conversation_id = ?1)")
        .setParameter(1, conversation)
        .executeUpdate();
    em.createNativeQuery("delete from focus_group_member where focus_group_id = ?1")
        .setParameter(1, roomId)
        .executeUpdate();
    em.remove(room);
    em.flush();
    long messages = owned.delete(ConversationKind.ROOM, conversation);
    auditLog.record(
        admin,
        true,
        AuditAction.ROOM_DELETED,
        AuditTarget.ROOM,
        roomId,
        "deleted with " + messages + " messages and " + members.size() + " members");
    members.forEach(member -> notifications.fire(new MembershipEnded(conversation, member)));
    notifications.fire(new RoomDeleted(roomId, conversation, members));
  }

  private static void requireAdmin(Caller caller) {
    if (caller == null || !caller.isAdmin()) {
      throw Refused.forbidden("room.admin-only");
    }
  }
}
