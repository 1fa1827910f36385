package com.consultchat.room.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.messaging.boundary.OwnedConversations;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.control.RoomAccess;
import com.consultchat.room.entity.JoinPolicy;
import com.consultchat.room.entity.Room;
import com.consultchat.room.entity.RoomMember;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Focus group rooms: staff create and archive them; everyone logged in browses the directory by
 * topic. What happens inside a room is for its members ({@link RoomMemberships}, {@link
 * RoomModeration}, {@link Recommendations}).
 */
@Stateless
public class Rooms {

  @Inject EntityManager em;
  @Inject RoomAccess access;
  @Inject OwnedConversations owned;
  @Inject Conversations conversations;
  @Inject Clock clock;

  /** A new room; its creator is its first member and moderator. */
  public RoomSummary create(
      Caller caller,
      String name,
      String topic,
      String description,
      boolean open,
      boolean holdForReview) {
    if (!caller.isStaff()) {
      throw Refused.forbidden("room.create-staff-only");
    }
    Instant now = clock.instant();
    long conversationId = owned.open(ConversationKind.ROOM, caller.id());
    Room room =
        new Room(
            conversationId,
            name,
            topic,
            description,
            open ? JoinPolicy.OPEN : JoinPolicy.APPROVAL,
            holdForReview,
            caller.id(),
            now);
    em.persist(room);
    RoomMember creator = new RoomMember(room.id(), caller.id(), caller.displayName(), true, now);
    em.persist(creator);
    return RoomSummary.of(room, creator, true, 0);
  }

  /**
   * The rooms this person may see, optionally of one topic: staff see all; patients see the rooms
   * that are not archived, and archived ones they belong to.
   */
  public List<RoomSummary> directory(Caller caller, String topic) {
    Map<Long, RoomMember> mine =
        em.createNamedQuery(RoomMember.OF_ACCOUNT, RoomMember.class)
            .setParameter("account", caller.id())
            .getResultStream()
            .collect(Collectors.toMap(RoomMember::roomId, Function.identity()));
    List<Room> rooms =
        em.createNamedQuery(Room.ALL, Room.class)
            .getResultStream()
            .filter(room -> topic == null || topic.isBlank() || sameTopic(room, topic))
            .filter(room -> caller.isStaff() || !room.isArchived() || isIn(mine.get(room.id())))
            .toList();
    // Unread counts come from the message path, for every conversation the person is in.
    Map<Long, Long> counts = conversations.unread(caller);
    return rooms.stream()
        .map(
            room -> {
              RoomMember me = mine.get(room.id());
              boolean moderator = caller.isAdmin() || (caller.isStaff() && isIn(me));
              return RoomSummary.of(
                  room, me, moderator, counts.getOrDefault(room.conversationId(), 0L));
            })
        .toList();
  }

  public List<String> topics(Caller caller) {
    return directory(caller, null).stream()
        .map(RoomSummary::topic)
        .distinct()
        .sorted(String.CASE_INSENSITIVE_ORDER)
        .toList();
  }

  /** One room; a patient who may not see it (archived, not theirs) is told it does not exist. */
  public RoomSummary find(Caller caller, long roomId) {
    Room room = access.room(roomId);
    RoomMember me = access.member(roomId, caller.id()).orElse(null);
    if (room.isArchived() && !caller.isStaff() && !isIn(me)) {
      throw Refused.notFound(RoomAccess.NO_ROOM);
    }
    boolean moderator = access.isModerator(caller, roomId);
    long count =
        isIn(me) ? conversations.unread(caller).getOrDefault(room.conversationId(), 0L) : 0;
    return RoomSummary.of(room, me, moderator, count);
  }

  /** Read-only from now on, for everyone. */
  public void archive(Caller caller, long roomId) {
    access.requireModerator(caller, roomId);
    access.locked(roomId).archive(clock.instant());
    access.changed(roomId);
  }

  public void holdForReview(Caller caller, long roomId, boolean hold) {
    access.requireModerator(caller, roomId);
    access.locked(roomId).holdForReview(hold);
    access.changed(roomId);
  }

  private static boolean isIn(RoomMember member) {
    return member != null && member.isActive();
  }

  private static boolean sameTopic(Room room, String topic) {
    return room.topic().toLowerCase(Locale.ROOT).equals(topic.strip().toLowerCase(Locale.ROOT));
  }
}
