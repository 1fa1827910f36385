package com.consultchat.room.boundary;

import com.consultchat.room.entity.Room;
import com.consultchat.room.entity.RoomMember;
import java.io.Serializable;
import java.time.Instant;

/**
 * A room as the directory and the room page show it to one person: what it is, and where that
 * person stands. The conversation id is 0 for those who may not read it.
 */
public record RoomSummary(
    long id,
    long conversationId,
    String name,
    String topic,
    String description,
    boolean open,
    boolean holdForReview,
    boolean archived,
    MemberStatus myStatus,
    String myPseudonym,
    long myHandle,
    Instant mutedUntil,
    long unread,
    boolean moderator)
    implements Serializable {

  static RoomSummary of(Room room, RoomMember me, boolean moderator, long unread) {
    boolean reader = moderator || (me != null && me.isActive());
    return new RoomSummary(
        room.id(),
        reader ? room.conversationId() : 0,
        room.name(),
        room.topic(),
        room.description(),
        room.joinPolicy() == com.consultchat.room.entity.JoinPolicy.OPEN,
        room.holdsForReview(),
        room.isArchived(),
        me == null ? null : me.status(),
        me == null ? null : me.pseudonym(),
        me == null ? 0 : me.handle(),
        me == null ? null : me.mutedUntil(),
        unread,
        moderator);
  }

  public boolean isMember() {
    return myStatus == MemberStatus.ACTIVE;
  }

  public boolean isWaiting() {
    return myStatus == MemberStatus.REQUESTED;
  }

  public boolean isBanned() {
    return myStatus == MemberStatus.BANNED;
  }

  /**
   * What the directory says about this person and the room, as the key of its words in the web's
   * bundles ({@code room.standing.…}).
   */
  public String standingKey() {
    String standing =
        myStatus == null
            ? (open ? "open" : "approval")
            : myStatus.name().toLowerCase(java.util.Locale.ROOT);
    return "room.standing." + standing;
  }
}
