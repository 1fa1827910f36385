package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.consultation.control.UrgencyFlags;
import com.consultchat.consultation.entity.Consultation;
import com.consultchat.consultation.entity.Urgency;
import com.consultchat.safety.boundary.EmergencyWritten;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Consultations flagged urgent because the patient wrote something that may be an emergency. Only
 * the consultation's own patient raises the flag (a specialist asking "any chest pain?" does not);
 * every raise and each member of staff's first sight of it, in the queue or in the chat, is
 * audited.
 */
@Stateless
public class Urgencies {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog auditLog;
  @Inject UrgencyFlags flags;

  /** A committed message matched an emergency phrase; flags its consultation if it is one. */
  public void raise(EmergencyWritten written) {
    em.createQuery(
            "select c from Consultation c join fetch c.patient left join fetch c.staff"
                + " where c.conversationId = :conversation",
            Consultation.class)
        .setParameter("conversation", written.conversationId())
        .getResultStream()
        .findFirst()
        .filter(c -> c.patient().id() == written.senderId())
        .ifPresent(c -> flags.flag(c, written.seq()));
  }

  /** When the consultation was flagged, if it was; for anyone who may see the consultation. */
  public Optional<Instant> since(Caller caller, long consultationId) {
    Consultation consultation = em.find(Consultation.class, consultationId);
    if (consultation == null || !mayKnow(caller, consultation)) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Urgency.class, consultationId)).map(Urgency::raisedAt);
  }

  /** Its people, and every member of staff while it waits in the queue they all see. */
  private static boolean mayKnow(Caller caller, Consultation consultation) {
    return consultation.isVisibleTo(caller.id(), caller.role())
        || (caller.isStaff() && consultation.isWaiting());
  }

  /** Which of these consultations are flagged; staff only, as the queue and their lists show. */
  public Set<Long> among(Caller caller, Collection<Long> consultationIds) {
    if (!caller.isStaff() || consultationIds.isEmpty()) {
      return Set.of();
    }
    // A copy: the views keep it in the session, which must serialize (a map's key set does not).
    return Set.copyOf(flags.among(consultationIds).keySet());
  }

  /**
   * A member of staff was shown the flag of this consultation ({@code where}: queue or chat). Only
   * the first sight in each place is audited. Nothing happens for a consultation that is not
   * flagged or that the caller may not see.
   */
  public void seen(Caller caller, long consultationId, String where) {
    if (!caller.isStaff() || since(caller, consultationId).isEmpty()) {
      return;
    }
    int first =
        em.createNativeQuery(
                "insert into consultation_urgency_seen (consultation_id, account_id, place, seen_at)"
                    + " values (?1, ?2, ?3, ?4) on conflict do nothing")
            .setParameter(1, consultationId)
            .setParameter(2, caller.id())
            .setParameter(3, where)
            .setParameter(4, clock.instant())
            .executeUpdate();
    if (first == 1) {
      auditLog.record(
          caller,
          caller.isAdmin(),
          AuditAction.URGENT_SEEN,
          AuditTarget.CONSULTATION,
          consultationId,
          "seen in the " + where);
    }
  }
}
