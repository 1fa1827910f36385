package com.consultchat.consultation.entity;

import com.consultchat.account.entity.Account;
import com.consultchat.account.entity.Role;
import com.consultchat.platform.entity.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A patient's request for advice, from the queue to its end. The state only changes through the
 * methods below, each of which refuses what the lifecycle does not allow.
 */
@Entity
@NamedQuery(
    name = Consultation.WAITING,
    query =
        "select c from Consultation c join fetch c.patient"
            + " where c.status = com.consultchat.consultation.entity.ConsultationStatus.REQUESTED"
            + " order by c.requestedAt")
@NamedQuery(
    name = Consultation.OF_PATIENT,
    query =
        "select c from Consultation c left join fetch c.staff"
            + " where c.patient.id = :account order by c.requestedAt desc")
@NamedQuery(
    name = Consultation.OF_STAFF,
    query =
        "select c from Consultation c join fetch c.patient"
            + " where c.staff.id = :account"
            + " and c.status = com.consultchat.consultation.entity.ConsultationStatus.ACTIVE"
            + " order by c.takenAt desc")
public class Consultation {

  public static final String WAITING = "Consultation.waiting";
  public static final String OF_PATIENT = "Consultation.ofPatient";
  public static final String OF_STAFF = "Consultation.ofStaff";

  public static final int SUBJECT_MAX = 200;

  @Id
  @SequenceGenerator(
      name = "consultation_seq",
      sequenceName = "consultation_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consultation_seq")
  private Long id;

  @Column(name = "conversation_id")
  private long conversationId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "patient_id")
  private Account patient;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "staff_id")
  private Account staff;

  private String subject;

  @Enumerated(EnumType.STRING)
  private ConsultationStatus status;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "taken_at")
  private Instant takenAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  private String summary;

  @Version private long version;

  protected Consultation() {}

  public Consultation(Account patient, long conversationId, String subject, Instant now) {
    if (patient.role() != Role.PATIENT) {
      throw Refused.forbidden("Only patients can ask for a consultation.");
    }
    this.patient = patient;
    this.conversationId = conversationId;
    this.subject = checkSubject(subject);
    this.status = ConsultationStatus.REQUESTED;
    this.requestedAt = now;
  }

  public static String checkSubject(String raw) {
    String subject = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
    if (subject.length() < 3) {
      throw Refused.invalid(
          "Please describe your question in a few words (at least 3 characters).");
    }
    if (subject.length() > SUBJECT_MAX) {
      throw Refused.invalid("A subject can have at most " + SUBJECT_MAX + " characters.");
    }
    return subject;
  }

  /** A member of staff takes the request out of the queue and becomes its specialist. */
  public void take(Account taker, Instant now) {
    if (!taker.isStaff()) {
      throw Refused.forbidden("Only staff can take a consultation.");
    }
    if (status != ConsultationStatus.REQUESTED) {
      throw Refused.conflict(
          staff != null && staff.id().equals(taker.id())
              ? "You have already taken this consultation."
              : "This consultation has already been taken by " + staff.displayName() + ".");
    }
    this.staff = taker;
    this.status = ConsultationStatus.ACTIVE;
    this.takenAt = now;
  }

  /** The patient, the assigned specialist and administrators may open it; nobody else. */
  public boolean isVisibleTo(long accountId, Role role) {
    return role == Role.ADMIN
        || patient.id().equals(accountId)
        || (staff != null && staff.id().equals(accountId));
  }

  public Long id() {
    return id;
  }

  public long conversationId() {
    return conversationId;
  }

  public Account patient() {
    return patient;
  }

  public Account staff() {
    return staff;
  }

  public String subject() {
    return subject;
  }

  public ConsultationStatus status() {
    return status;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Instant takenAt() {
    return takenAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public String summary() {
    return summary;
  }
}
