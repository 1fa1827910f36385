package com.consultchat.web.room.control;

import com.consultchat.room.boundary.RoomChanged;
import com.consultchat.room.boundary.RoomDeleted;
import com.consultchat.room.boundary.RoomEmergency;
import com.consultchat.web.messaging.boundary.Pushes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Tells the people a room's change concerns that their page is stale. The frame carries only the
 * room's id: the page asks the boundaries again, which decide what each person may see. Registered
 * with messaging's {@link Pushes} as the application starts.
 */
@ApplicationScoped
public class RoomPushes {

  @Inject Pushes pushes;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    pushes.on(RoomChanged.class, this::roomChanged);
    pushes.on(RoomEmergency.class, this::emergency);
    pushes.on(RoomDeleted.class, this::roomDeleted);
  }

  /** The members' pages of a deleted room leave it and say why. */
  void roomDeleted(RoomDeleted deleted) {
    pushes.toPeople(deleted.recipients(), new RoomFrame("room-deleted", deleted.room()));
  }

  void emergency(RoomEmergency emergency) {
    pushes.toPeopleInConversation(
        Set.of(emergency.patientId()),
        emergency.conversationId(),
        new RoomAlertFrame(
            "emergency", emergency.room(), emergency.conversationId(), emergency.seq()));
    pushes.toPeople(
        emergency.staff(),
        new RoomAlertFrame(
            "urgent", emergency.room(), emergency.conversationId(), emergency.seq()));
  }

  void roomChanged(RoomChanged changed) {
    pushes.toPeople(changed.recipients(), new RoomFrame(changed.room()));
  }
}
