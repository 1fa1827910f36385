package com.consultchat.consultation.boundary;

import com.consultchat.consultation.entity.Consultation;
import java.io.Serializable;
import java.time.Instant;

/** A consultation as lists and the chat header show it. */
public record ConsultationSummary(
    long id,
    long conversationId,
    String subject,
    ConsultationStatus status,
    long patientId,
    String patientName,
    Long staffId,
    String staffName,
    Instant requestedAt,
    Instant takenAt,
    Instant closedAt,
    String summary,
    Long followUpOf,
    Long specialtyId,
    String specialtyName,
    Instant windowStart,
    Instant windowEnd,
    boolean patientMayReply)
    implements Serializable {

  /**
   * The state in words people use. A follow-up waits for its specialist as a hand-over does, but to
   * the patient it is their follow-up, not something staff passed between them.
   */
  public String statusLabel() {
    return status == ConsultationStatus.TRANSFERRED && followUpOf != null
        ? "Follow-up"
        : label(status);
  }

  public static String label(ConsultationStatus status) {
    return switch (status) {
      case REQUESTED -> "Waiting";
      case ACTIVE -> "In progress";
      case TRANSFERRED -> "Handed over";
      case CLOSED -> "Closed";
    };
  }

  /**
   * The key of {@link #statusLabel()}'s words in the web's bundles ({@code consultation.status.*}),
   * for pages that speak the person's language.
   */
  public String statusKey() {
    return status == ConsultationStatus.TRANSFERRED && followUpOf != null
        ? "consultation.status.followup"
        : statusKey(status);
  }

  public static String statusKey(ConsultationStatus status) {
    return "consultation.status." + status.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** What the patient asked for: a specialty, or anyone. */
  public String specialtyLabel() {
    return specialtyName == null ? "General" : specialtyName;
  }

  public boolean isScheduled() {
    return windowStart != null;
  }

  /** Whether this person takes part in the conversation, rather than only looking at it. */
  public boolean hasParticipant(long accountId) {
    return patientId == accountId || (staffId != null && staffId == accountId);
  }

  static ConsultationSummary of(Consultation consultation) {
    return new ConsultationSummary(
        consultation.id(),
        consultation.conversationId(),
        consultation.subject(),
        consultation.status(),
        consultation.patient().id(),
        consultation.patient().displayName(),
        consultation.staff() == null ? null : consultation.staff().id(),
        consultation.staff() == null ? null : consultation.staff().displayName(),
        consultation.requestedAt(),
        consultation.takenAt(),
        consultation.closedAt(),
        consultation.summary(),
        consultation.followUpOf() == null ? null : consultation.followUpOf().id(),
        consultation.specialty() == null ? null : consultation.specialty().id(),
        consultation.specialty() == null ? null : consultation.specialty().name(),
        consultation.appointment().start(),
        consultation.appointment().end(),
        consultation.appointment().patientMayReply());
  }
}
