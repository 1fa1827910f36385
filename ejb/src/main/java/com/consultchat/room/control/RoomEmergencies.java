package com.consultchat.room.control;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.room.boundary.RoomEmergency;
import com.consultchat.room.entity.RoomMember;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Flags a patient's room post that may be an emergency to the room's staff and audits it, in the
 * caller's transaction. A post held for review has no number yet (seq 0): it waits in the review
 * list, and its writer must not wait for a moderator to learn what to do.
 */
@Dependent
public class RoomEmergencies {

  @Inject EntityManager em;
  @Inject AuditLog auditLog;
  @Inject Accounts accounts;
  @Inject Event<Notification> notifications;

  public void flag(long roomId, long conversationId, long seq, long patientId) {
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
                    seq == 0 ? "post held for review" : "message " + seq));
    notifications.fire(new RoomEmergency(roomId, conversationId, seq, patientId, staff(roomId)));
  }

  /** The room's members, for finding a post's writer by handle. */
  public List<RoomMember> members(long roomId) {
    return em.createNamedQuery(RoomMember.OF_ROOM, RoomMember.class)
        .setParameter("room", roomId)
        .getResultList();
  }

  /** The room's active members who are staff or administrators. */
  public Set<Long> staff(long roomId) {
    List<Long> active =
        members(roomId).stream().filter(RoomMember::isActive).map(RoomMember::accountId).toList();
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
