package com.consultchat.room.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.Alias;
import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.StoredMessage;
import com.consultchat.messaging.boundary.StoredMessages;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.control.RoomAccess;
import com.consultchat.room.control.RoomPolicy;
import com.consultchat.room.entity.Room;
import com.consultchat.room.entity.RoomMember;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Specialists' posts on top of a room: moderators pin and unpin messages; each patient acknowledges
 * a recommendation once; moderators see who has and who has not.
 */
@Stateless
public class Recommendations {

  private static final String PIN =
      "insert into focus_group_pin (focus_group_id, message_id, pinned_by, pinned_at)"
          + " values (?1, ?2, ?3, ?4) on conflict do nothing";
  private static final String UNPIN =
      "delete from focus_group_pin where focus_group_id = ?1 and message_id = ?2";
  private static final String PINNED =
      "select message_id from focus_group_pin where focus_group_id = ?1 order by pinned_at desc";
  private static final String ACK =
      "insert into recommendation_ack (message_id, account_id, acked_at) values (?1, ?2, ?3)"
          + " on conflict do nothing";
  private static final String ACKED =
      "select account_id from recommendation_ack where message_id = ?1";

  @Inject EntityManager em;
  @Inject RoomAccess access;
  @Inject StoredMessages messages;
  @Inject RoomPolicy policy;
  @Inject Clock clock;

  public void pin(Caller caller, long roomId, long seq) {
    Room room = moderated(caller, roomId);
    StoredMessage message = present(room, seq);
    em.createNativeQuery(PIN)
        .setParameter(1, roomId)
        .setParameter(2, message.id())
        .setParameter(3, caller.id())
        .setParameter(4, Timestamp.from(clock.instant()))
        .executeUpdate();
    access.changed(roomId);
  }

  public void unpin(Caller caller, long roomId, long seq) {
    Room room = moderated(caller, roomId);
    em.createNativeQuery(UNPIN)
        .setParameter(1, roomId)
        .setParameter(2, messages.at(ConversationKind.ROOM, room.conversationId(), seq).id())
        .executeUpdate();
    access.changed(roomId);
  }

  /** A patient confirms they have read a recommendation; saying it twice changes nothing. */
  public void acknowledge(Caller caller, long roomId, long seq) {
    access.requireParticipant(caller, roomId);
    if (!caller.isPatient()) {
      throw Refused.invalid("room.ack-patients-only");
    }
    StoredMessage message = present(access.room(roomId), seq);
    if (message.kind() != MessageKind.RECOMMENDATION) {
      throw Refused.invalid("room.ack-recommendations-only");
    }
    em.createNativeQuery(ACK)
        .setParameter(1, message.id())
        .setParameter(2, caller.id())
        .setParameter(3, Timestamp.from(clock.instant()))
        .executeUpdate();
    access.changed(roomId);
  }

  /** The pinned posts, newest pin first; removed messages drop off the panel. */
  public List<PinnedPost> pinned(Caller caller, long roomId) {
    access.requireReader(caller, roomId);
    boolean moderator = access.isModerator(caller, roomId);
    Room room = access.room(roomId);
    Map<Long, Alias> names = policy.aliases(room.conversationId());
    List<RoomMember> patients = moderator ? activePatients(roomId) : List.of();
    @SuppressWarnings("unchecked")
    List<Number> ids = em.createNativeQuery(PINNED).setParameter(1, roomId).getResultList();
    return ids.stream()
        .map(id -> messages.byId(ConversationKind.ROOM, id.longValue()))
        .filter(message -> !message.deleted())
        .map(message -> post(message, names, caller, patients))
        .toList();
  }

  private PinnedPost post(
      StoredMessage message, Map<Long, Alias> names, Caller caller, List<RoomMember> patients) {
    Set<Long> acked = acknowledgers(message);
    List<String> done =
        patients.stream().filter(p -> acked.contains(p.accountId())).map(this::label).toList();
    List<String> pending =
        patients.stream().filter(p -> !acked.contains(p.accountId())).map(this::label).toList();
    return new PinnedPost(
        message.seq(),
        message.kind().name(),
        names.containsKey(message.senderId())
            ? names.get(message.senderId()).name()
            : message.senderName(),
        message.body(),
        message.sentAt(),
        acked.contains(caller.id()),
        done,
        pending);
  }

  private Set<Long> acknowledgers(StoredMessage message) {
    @SuppressWarnings("unchecked")
    List<Number> rows = em.createNativeQuery(ACKED).setParameter(1, message.id()).getResultList();
    Set<Long> ids = new HashSet<>();
    rows.forEach(row -> ids.add(row.longValue()));
    return ids;
  }

  private List<RoomMember> activePatients(long roomId) {
    return em.createNamedQuery(RoomMember.OF_ROOM, RoomMember.class)
        .setParameter("room", roomId)
        .getResultStream()
        .filter(RoomMember::isActive)
        .filter(m -> !access.person(m.accountId()).isStaff())
        .toList();
  }

  private String label(RoomMember member) {
    return member.pseudonym() + " (" + access.person(member.accountId()).displayName() + ")";
  }

  private Room moderated(Caller caller, long roomId) {
    access.requireModerator(caller, roomId);
    Room room = access.room(roomId);
    room.requireOpen();
    return room;
  }

  private StoredMessage present(Room room, long seq) {
    StoredMessage message = messages.at(ConversationKind.ROOM, room.conversationId(), seq);
    if (message.deleted()) {
      throw Refused.conflict("room.message-removed");
    }
    return message;
  }
}
