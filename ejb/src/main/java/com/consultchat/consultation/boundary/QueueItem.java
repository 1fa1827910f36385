package com.consultchat.consultation.boundary;

import com.consultchat.consultation.entity.Consultation;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * A waiting request as the queue shows it: what and for which specialty, not who. Staff learn the
 * patient only once the consultation is theirs. {@code urgent}: the patient wrote something that
 * may be an emergency; {@code outOfHours}: it arrived while the clinic was closed.
 */
public record QueueItem(
    long id,
    String subject,
    Long specialtyId,
    String specialtyName,
    Instant requestedAt,
    boolean handedOver,
    boolean followUp,
    boolean urgent,
    boolean outOfHours)
    implements Serializable {

  /** Whether someone practising these specialties should see it in their filtered queue. */
  public boolean concerns(Set<Long> specialties) {
    return specialtyId == null || specialties.contains(specialtyId);
  }

  static QueueItem of(Consultation consultation) {
    return new QueueItem(
        consultation.id(),
        consultation.subject(),
        consultation.specialty() == null ? null : consultation.specialty().id(),
        consultation.specialty() == null ? null : consultation.specialty().name(),
        consultation.requestedAt(),
        consultation.status() == ConsultationStatus.TRANSFERRED,
        consultation.followUpOf() != null,
        false,
        false);
  }

  QueueItem marked(boolean urgent, boolean outOfHours) {
    return new QueueItem(
        id,
        subject,
        specialtyId,
        specialtyName,
        requestedAt,
        handedOver,
        followUp,
        urgent,
        outOfHours);
  }
}
