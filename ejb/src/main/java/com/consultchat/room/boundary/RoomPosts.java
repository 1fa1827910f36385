package com.consultchat.room.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.ConversationModeration;
import com.consultchat.messaging.boundary.StoredMessage;
import com.consultchat.messaging.boundary.StoredMessages;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.control.RoomAccess;
import com.consultchat.room.entity.Room;
import com.consultchat.room.entity.RoomMember;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One person's posts across all rooms, for their data rights: listed for their export (never
 * anybody else's), and taken down when their erasure is carried out, as a moderator's removal is:
 * through messaging's one write path, so members' pages and catch-up show them removed, and a
 * file's bytes go with its post.
 */
@Stateless
public class RoomPosts {

  @Inject RoomAccess access;
  @Inject StoredMessages messages;
  @Inject ConversationModeration moderation;
  @Inject RoomMemberships memberships;
  @Inject EntityManager em;

  /** For the person themselves, or an administrator on their behalf. */
  public List<RoomPost> by(Caller caller, long personId) {
    if (caller.id() != personId && !caller.isAdmin()) {
      throw Refused.notFound("room.no-person");
    }
    Map<Long, Room> rooms = new HashMap<>();
    return messages.postsBy(ConversationKind.ROOM, personId).stream()
        .map(
            message -> {
              Room room =
                  rooms.computeIfAbsent(
                      message.conversationId(),
                      conversation -> access.byConversation(conversation).orElseThrow());
              return post(room, personId, message);
            })
        .toList();
  }

  /**
   * Removes every post the person has in any room, and takes them out of every open room they are
   * in, so their pseudonym leaves the member lists too; returns how many posts. Administrators
   * only.
   */
  public int removeAll(Caller admin, long personId) {
    if (!admin.isAdmin()) {
      throw Refused.forbidden("room.admin-only");
    }
    List<StoredMessage> posts = messages.postsBy(ConversationKind.ROOM, personId);
    Set<Long> changed = new LinkedHashSet<>();
    for (StoredMessage post : posts) {
      Room room = access.byConversation(post.conversationId()).orElseThrow();
      access.requireModerator(admin, room.id());
      moderation.removeMessage(admin, post.conversationId(), post.seq());
      changed.add(room.id());
    }
    changed.forEach(access::changed);
    em
        .createNamedQuery(RoomMember.OF_ACCOUNT, RoomMember.class)
        .setParameter("account", personId)
        .getResultList()
        .stream()
        .filter(RoomMember::isActive)
        .filter(member -> !access.room(member.roomId()).isArchived())
        .forEach(member -> memberships.remove(admin, member.roomId(), personId));
    return posts.size();
  }

  private RoomPost post(Room room, long personId, StoredMessage message) {
    String pseudonym = access.member(room.id(), personId).map(RoomMember::pseudonym).orElse(null);
    return new RoomPost(
        room.id(),
        room.name(),
        pseudonym,
        message.seq(),
        message.sentAt(),
        message.kind().name(),
        message.body(),
        message.file() == null ? null : message.file().id(),
        message.file() == null ? null : message.file().name());
  }
}
