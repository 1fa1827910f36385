package com.consultchat.room.boundary;

import com.consultchat.room.control.RoomAccess;
import com.consultchat.room.control.RoomEmergencies;
import com.consultchat.safety.boundary.EmergencyWritten;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Flags a patient's published room post that may be an emergency to the room's staff, and audits
 * it. Staff posts never raise it (a specialist explaining stroke signs is not one). Patients post
 * under their room handle, which is how the sender is found. (Posts held for review are checked
 * where they are held, {@code RoomPolicy}.)
 */
@Stateless
public class RoomAlerts {

  @Inject RoomAccess access;
  @Inject RoomEmergencies emergencies;

  public void raise(EmergencyWritten written) {
    access
        .byConversation(written.conversationId())
        .ifPresent(
            room -> {
              Set<Long> staff = emergencies.staff(room.id());
              emergencies.members(room.id()).stream()
                  .filter(m -> m.handle() == written.senderId() && m.isActive())
                  .filter(m -> !staff.contains(m.accountId()))
                  .findFirst()
                  .ifPresent(
                      sender ->
                          emergencies.flag(
                              room.id(),
                              written.conversationId(),
                              written.seq(),
                              sender.accountId()));
            });
  }
}
