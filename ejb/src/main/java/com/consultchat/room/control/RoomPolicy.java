package com.consultchat.room.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.Alias;
import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.ConversationPolicy;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.entity.HeldPost;
import com.consultchat.room.entity.Room;
import com.consultchat.room.entity.RoomMember;
import com.consultchat.safety.boundary.EmergencyPhrases;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A room's rules on the message path: archived rooms and muted members write nothing, only staff
 * post recommendations and notes, and in a room that holds posts for review a patient's post waits
 * aside for a moderator (and, if it may be an emergency, is flagged at once: nobody reads the
 * review list every minute). Members appear under their per-room handle and pseudonym.
 */
@Dependent
public class RoomPolicy implements ConversationPolicy {

  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject EntityManager em;
  @Inject RoomAccess access;
  @Inject Clock clock;
  @Inject EmergencyPhrases emergencyPhrases;
  @Inject RoomEmergencies emergencies;

  @Override
  public ConversationKind kind() {
    return ConversationKind.ROOM;
  }

  @Override
  public Optional<Admission> admit(
      Caller caller, long conversationId, MessageKind kind, UUID clientId, String body) {
    Optional<Room> found = access.byConversation(conversationId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Room room = found.get();
    room.requireOpen();
    RoomMember member = access.requireParticipant(caller, room.id());
    Instant now = clock.instant();
    if (member.isMutedAt(now)) {
      throw Refused.forbidden("room.muted-until", UNTIL.format(member.mutedUntil()));
    }
    if ((kind == MessageKind.RECOMMENDATION || kind == MessageKind.NOTE) && !caller.isStaff()) {
      throw Refused.forbidden("room.staff-posts-only");
    }
    if (kind == MessageKind.EDIT && room.holdsForReview() && !caller.isStaff()) {
      // An edit would bypass the review its post went through.
      throw Refused.forbidden("room.reviewed-no-edit");
    }
    if (kind == MessageKind.FILE && room.holdsForReview() && !caller.isStaff()) {
      // Review holds text aside; a file cannot wait there, so it is not taken at all.
      throw Refused.forbidden("room.reviewed-no-files");
    }
    if (kind == MessageKind.TEXT && room.holdsForReview() && !caller.isStaff()) {
      hold(room, caller, clientId, body, now);
      return Optional.of(Admission.HOLD);
    }
    return Optional.of(Admission.PUBLISH);
  }

  private void hold(Room room, Caller caller, UUID clientId, String body, Instant now) {
    Optional<HeldPost> earlier =
        em.createNamedQuery(HeldPost.BY_CLIENT_ID, HeldPost.class)
            .setParameter("sender", caller.id())
            .setParameter("clientId", clientId)
            .getResultStream()
            .findFirst();
    if (earlier.isPresent()) {
      if (!earlier.get().sameAs(room.id(), body)) {
        throw Refused.conflict("room.message-id-reused");
      }
      return;
    }
    em.persist(new HeldPost(room.id(), caller.id(), clientId, body, now));
    access.changed(room.id(), caller.id());
    if (emergencyPhrases.matches(body)) {
      emergencies.flag(room.id(), room.conversationId(), 0, caller.id());
    }
  }

  @Override
  public boolean silenced(long conversationId, long accountId) {
    return access
        .byConversation(conversationId)
        .map(
            room ->
                room.isArchived()
                    || access
                        .member(room.id(), accountId)
                        .map(m -> m.isMutedAt(clock.instant()))
                        .orElse(false))
        .orElse(false);
  }

  @Override
  public boolean mayModerate(Caller caller, long conversationId) {
    return access
        .byConversation(conversationId)
        .map(room -> access.isModerator(caller, room.id()))
        .orElse(false);
  }

  @Override
  public Optional<Alias> alias(long conversationId, long accountId) {
    return access
        .byConversation(conversationId)
        .flatMap(room -> access.member(room.id(), accountId))
        .map(m -> new Alias(m.handle(), m.pseudonym()));
  }

  @Override
  public Map<Long, Alias> aliases(long conversationId) {
    return access
        .byConversation(conversationId)
        .map(
            room ->
                em.createNamedQuery(RoomMember.OF_ROOM, RoomMember.class)
                    .setParameter("room", room.id())
                    .getResultStream()
                    .collect(
                        Collectors.toMap(
                            RoomMember::accountId, m -> new Alias(m.handle(), m.pseudonym()))))
        .orElse(Map.of());
  }
}
