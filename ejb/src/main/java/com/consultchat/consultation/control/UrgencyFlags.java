package com.consultchat.consultation.control;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.consultation.boundary.UrgentRaised;
import com.consultchat.consultation.entity.Consultation;
import com.consultchat.consultation.entity.Urgency;
import com.consultchat.platform.boundary.Notification;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Raising and reading consultations' urgent flags, inside the boundary's transaction: the flag, its
 * audit entry and the alert commit together or not at all.
 */
@Dependent
public class UrgencyFlags {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Event<Notification> notifications;
  @Inject AuditLog auditLog;
  @Inject Accounts accounts;

  /** Flags the consultation (seq 0: its subject) and alerts its patient and staff. */
  public void flag(Consultation consultation, long seq) {
    Instant now = clock.instant();
    // A request flagged as it is made is not in the database yet, and the flag's row refers to it.
    em.flush();
    em.createNativeQuery(
            "insert into consultation_urgency (consultation_id, raised_at, message_seq)"
                + " values (?1, ?2, ?3) on conflict do nothing")
        .setParameter(1, consultation.id())
        .setParameter(2, now)
        .setParameter(3, seq)
        .executeUpdate();
    accounts
        .caller(consultation.patient().id())
        .ifPresent(
            patient ->
                auditLog.record(
                    patient,
                    false,
                    AuditAction.URGENT_FLAGGED,
                    AuditTarget.CONSULTATION,
                    consultation.id(),
                    seq == 0 ? "request subject" : "message " + seq));
    notifications.fire(
        new UrgentRaised(
            consultation.id(),
            consultation.conversationId(),
            consultation.patient().id(),
            consultation.staff() == null ? null : consultation.staff().id(),
            consultation.isWaiting()));
  }

  /** The flags among these consultations, by consultation id. */
  public Map<Long, Urgency> among(Collection<Long> consultationIds) {
    if (consultationIds.isEmpty()) {
      return Map.of();
    }
    return em.createNamedQuery(Urgency.AMONG, Urgency.class)
        .setParameter("ids", consultationIds)
        .getResultStream()
        .collect(Collectors.toMap(Urgency::consultationId, Function.identity()));
  }
}
