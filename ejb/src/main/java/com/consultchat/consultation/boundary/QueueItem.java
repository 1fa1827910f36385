package com.consultchat.consultation.boundary;

import com.consultchat.consultation.entity.Consultation;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * A waiting request as the queue shows it: what and for which specialty, not who. Staff learn the
 * patient only once the consultation is theirs.
 */
public record QueueItem(
    long id,
    String subject,
    Long specialtyId,
    String specialtyName,
    Instant requestedAt,
    boolean handedOver,
    boolean followUp)
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
        consultation.followUpOf() != null);
  }
}
