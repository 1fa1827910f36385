package com.consultchat.room.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.room.control.RoomAccess;
import com.consultchat.room.entity.RoomMember;
import com.consultchat.safety.boundary.EmergencyWritten;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Flags a patient's room post that may be an emergency to the room's staff, and audits it. Staff
 * posts never raise it (a specialist explaining stroke signs is not one). Patients post under their
 * room handle, which is how the sender is found.
 */
@Stateless
public class RoomAlerts {

  @Inject EntityManager em;
  @Inject RoomAccess access;
  @Inject AuditLog auditLog;
  @Inject Accounts accounts;
  @Inject Event<Notification> notifications;

  public void raise(EmergencyWritten written) {
    access
        .byConversation(written.conversationId())
        .ifPresent(
            room -> {
              List<RoomMember> members =
                  em.createNamedQuery(RoomMember.OF_ROOM, RoomMember.class)
                      .setParameter("room", room.id())
                      .getResultList();
              Set<Long> staff = staff(members);
              members.stream()
                  .filter(m -> m.handle() == written.senderId() && m.isActive())
                  .filter(m -> !staff.contains(m.accountId()))
                  .findFirst()
                  .ifPresent(sender -> flag(room.id(), written, sender.accountId(), staff));
            });
  }

  private void flag(long roomId, EmergencyWritten written, long patientId, Set<Long> staff) {
    accounts
        .caller(patientId)
        .ifPresent(
            patient ->
                auditLog.record(
                    patient,
                    false,
                    AuditAction.URGENT_FLAGGED,
                    AuditTarget.ROOM,
                    roomId,
                    "message " + written.seq()));
    notifications.fire(
        new RoomEmergency(roomId, written.conversationId(), written.seq(), patientId, staff));
  }

  /** The room's active members who are staff or administrators. */
  private Set<Long> staff(List<RoomMember> members) {
    List<Long> active =
        members.stream().filter(RoomMember::isActive).map(RoomMember::accountId).toList();
    if (active.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "select p.id from RoomPerson p where p.id in :ids and p.role in"
                    + " (com.consultchat.account.boundary.Role.STAFF,"
                    + " com.consultchat.account.boundary.Role.ADMIN)",
                Long.class)
            .setParameter("ids", active)
            .getResultList());
  }
}
