package com.consultchat.consultation.entity;

import com.consultchat.account.boundary.Role;
import com.consultchat.consultation.boundary.ConsultationStatus;
import com.consultchat.platform.boundary.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A patient's request for advice, from the queue to its end. The state only changes through the
 * methods below, each of which refuses what the lifecycle does not allow.
 */
@Entity
public class Consultation {

  /** The summary of a consultation closed by its patient's erasure; stored, like any summary. */
  public static final String ERASED_SUMMARY =
      "Closed without an answer: the patient's data was erased at their request.";

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
  private Person patient;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "staff_id")
  private Person staff;

  private String subject;

  @Enumerated(EnumType.STRING)
  private ConsultationStatus status;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "taken_at")
  private Instant takenAt;

  /** Null until it is closed. */
  @Embedded private Outcome outcome;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "specialty_id")
  private Specialty specialty;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "follow_up_of")
  private Consultation followUpOf;

  @Embedded private Appointment appointment = Appointment.none();

  @Version private long version;

  protected Consultation() {}

  public Consultation(
      Person patient, long conversationId, String subject, Specialty specialty, Instant now) {
    if (patient.role() != Role.PATIENT) {
      throw Refused.forbidden("consultation.ask.patients-only");
    }
    this.patient = patient;
    this.conversationId = conversationId;
    this.subject = ConsultationText.subject(subject);
    this.specialty = specialty;
    this.status = ConsultationStatus.REQUESTED;
    this.requestedAt = now;
  }

  /** A member of staff takes the request out of the queue and becomes its specialist. */
  public void take(Person taker, Instant now) {
    if (!taker.isStaff()) {
      throw Refused.forbidden("consultation.take.staff-only");
    }
    refuseUnlessWaiting(taker);
    this.staff = taker;
    this.status = ConsultationStatus.ACTIVE;
    this.takenAt = now;
  }

  /** An administrator puts a waiting request in the hands of a member of staff. */
  public void assign(Person admin, Person to, Instant now) {
    if (admin.role() != Role.ADMIN) {
      throw Refused.forbidden("consultation.assign.admins-only");
    }
    if (to.role() != Role.STAFF || !to.isActive()) {
      throw Refused.invalid("consultation.assign.inactive");
    }
    refuseUnlessWaiting(to);
    this.staff = to;
    this.status = ConsultationStatus.ACTIVE;
    this.takenAt = now;
  }

  /** In the queue with nobody in charge: newly asked, or handed over to a specialty. */
  public boolean isWaiting() {
    return staff == null && status != ConsultationStatus.CLOSED;
  }

  private void refuseUnlessWaiting(Person candidate) {
    if (!isWaiting()) {
      if (staff == null) {
        throw Refused.conflict("consultation.closed");
      }
      throw staff.id().equals(candidate.id())
          ? Refused.conflict("consultation.has-it", staff.displayName())
          : Refused.conflict("consultation.taken", staff.displayName());
    }
  }

  /**
   * Hands it back to the queue of a specialty, with a note for whoever takes it there. The
   * specialist who had it is no longer in charge.
   */
  public Handover transfer(Person by, Specialty to, String note, Instant now) {
    requireOpen(by, "transfer");
    Handover handover =
        new Handover(this, staff == null ? by : staff, null, to, ConsultationText.note(note), now);
    this.staff = null;
    this.specialty = to;
    this.status = ConsultationStatus.TRANSFERRED;
    return handover;
  }

  /** Hands an open consultation to another member of staff, with a note for them. */
  public Handover transfer(Person by, Person to, String note, Instant now) {
    requireOpen(by, "transfer");
    if (!to.isStaff() || !to.isActive()) {
      throw Refused.invalid("consultation.transfer.inactive");
    }
    if (staff != null && to.id().equals(staff.id())) {
      throw Refused.invalid("consultation.has-it", to.displayName());
    }
    Handover handover =
        new Handover(this, staff == null ? by : staff, to, null, ConsultationText.note(note), now);
    this.staff = to;
    this.status = ConsultationStatus.TRANSFERRED;
    return handover;
  }

  /** The member of staff it was handed to takes it on. */
  public void accept(Person by, Instant now) {
    if (status != ConsultationStatus.TRANSFERRED) {
      String notTransferred = "consultation.accept." + status.label();
      throw Refused.conflict(notTransferred);
    }
    if (staff == null || !by.id().equals(staff.id())) {
      throw Refused.forbidden("consultation.accept.not-yours");
    }
    this.status = ConsultationStatus.ACTIVE;
    this.takenAt = now;
  }

  /** Ends the consultation with a summary the patient keeps. */
  public void close(Person by, String summary, Instant now) {
    requireOpen(by, "close");
    if (staff == null) {
      throw Refused.conflict("consultation.close.untaken");
    }
    this.outcome = new Outcome(ConsultationText.summary(summary), now);
    this.status = ConsultationStatus.CLOSED;
  }

  /**
   * Ends it, taken or not, because its patient's data was erased: nobody is left to answer it, and
   * a request must not wait in the queue for them. The summary says why; false if already closed.
   */
  public boolean closeForErasure(Instant now) {
    if (status == ConsultationStatus.CLOSED) {
      return false;
    }
    this.outcome = new Outcome(ERASED_SUMMARY, now);
    this.status = ConsultationStatus.CLOSED;
    return true;
  }

  /**
   * A new consultation that continues this closed one, handed straight to the same specialist, if
   * the patient asks within the window.
   */
  public Consultation followUp(
      Person by, long conversationId, String subject, Instant now, Duration window) {
    if (!by.id().equals(patient.id())) {
      throw Refused.forbidden("consultation.followup.patient-only");
    }
    if (status != ConsultationStatus.CLOSED) {
      throw Refused.conflict("consultation.followup.open");
    }
    outcome.requireFollowUpWithin(window, now);
    Consultation next = new Consultation(patient, conversationId, subject, specialty, now);
    next.followUpOf = this;
    next.staff = staff;
    next.status = ConsultationStatus.TRANSFERRED;
    return next;
  }

  /**
   * Schedules the consultation for a window (both ends given) or lifts the schedule (both null).
   * Outside the window the patient reads but writes only if replies are allowed.
   */
  public void schedule(Person by, Instant start, Instant end, Instant now) {
    requireOpen(by, "schedule");
    this.appointment = appointment.scheduled(start, end, now);
  }

  /** Whether the patient may write outside the scheduled window. */
  public void allowPatientReplies(Person by, boolean allowed) {
    requireOpen(by, "change");
    this.appointment = appointment.withPatientReplies(allowed);
  }

  /** When it is scheduled and when the patient may write; never null, as that column is not. */
  public Appointment appointment() {
    return appointment;
  }

  /** In progress, and the caller is its specialist in charge or an administrator. */
  private void requireOpen(Person by, String action) {
    boolean inCharge = staff != null && staff.id().equals(by.id());
    if (!inCharge && by.role() != Role.ADMIN) {
      String notInCharge = "consultation.not-in-charge." + action;
      throw Refused.forbidden(notInCharge);
    }
    if (!status.isInProgress()) {
      String notInProgress = "consultation.not-in-progress." + status.label();
      throw Refused.conflict(notInProgress);
    }
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

  public Person patient() {
    return patient;
  }

  public Person staff() {
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
    return outcome == null ? null : outcome.closedAt();
  }

  public String summary() {
    return outcome == null ? null : outcome.summary();
  }

  public Specialty specialty() {
    return specialty;
  }

  public Consultation followUpOf() {
    return followUpOf;
  }
}
