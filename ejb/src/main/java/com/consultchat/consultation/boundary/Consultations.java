package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.consultation.control.ConsultationLists;
import com.consultchat.consultation.control.UrgencyFlags;
import com.consultchat.consultation.entity.Consultation;
import com.consultchat.consultation.entity.Handover;
import com.consultchat.consultation.entity.Person;
import com.consultchat.consultation.entity.Specialty;
import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.OwnedConversations;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.RateLimits;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.safety.boundary.EmergencyPhrases;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One-to-one consultations: patients ask, staff take from the queue. Every method decides from the
 * caller and the consultation itself, never from the role alone.
 */
@Stateless
public class Consultations {

  private static final String NOT_YOURS = "consultation.not-yours";

  @Inject EntityManager em;
  @Inject ConsultationLists lists;
  @Inject OwnedConversations conversations;
  @Inject Clock clock;
  @Inject Event<Notification> notifications;
  @Inject Settings settings;
  @Inject Specialties specialties;
  @Inject AuditLog auditLog;
  @Inject EmergencyPhrases emergencyPhrases;
  @Inject UrgencyFlags urgencies;
  @Inject RateLimits rateLimits;

  /** A patient asks; {@code specialtyId} null means any specialist. */
  public ConsultationSummary request(Caller caller, String subject, Long specialtyId) {
    if (!caller.isPatient()) {
      throw Refused.forbidden("consultation.ask.patients-only");
    }
    rateLimits.spend(caller.id(), RateLimits.Kind.ACTIONS);
    Instant now = clock.instant();
    Person patient = em.find(Person.class, caller.id());
    Specialty specialty = specialty(specialtyId);
    long conversationId = conversations.open(ConversationKind.CONSULTATION, caller.id());
    Consultation consultation = new Consultation(patient, conversationId, subject, specialty, now);
    em.persist(consultation);
    if (emergencyPhrases.matches(subject)) {
      urgencies.flag(consultation, 0);
    }
    audited(caller, AuditAction.CONSULTATION_REQUESTED, consultation, null);
    notifications.fire(QueueChanged.arrived(QueueItem.of(consultation)));
    return ConsultationSummary.of(consultation);
  }

  /** A patient's own consultations, or the ones a member of staff is working on. */
  public List<ConsultationSummary> mine(Caller caller) {
    List<Consultation> mine =
        caller.isPatient() ? lists.ofPatient(caller.id()) : lists.heldBy(caller.id());
    return mine.stream().map(ConsultationSummary::of).toList();
  }

  public ConsultationSummary take(Caller caller, long consultationId) {
    requireStaff(caller);
    // The row lock makes two staff taking the same request at once see each other: one wins.
    Consultation consultation = waitingOne(consultationId);
    Instant now = clock.instant();
    consultation.take(em.find(Person.class, caller.id()), now);
    conversations.admit(ConversationKind.CONSULTATION, consultation.conversationId(), caller.id());
    audited(caller, AuditAction.CONSULTATION_TAKEN, consultation, null);
    return changed(consultation, null);
  }

  /** An administrator hands a waiting request to a member of staff, who has it at once. */
  public ConsultationSummary assign(Caller caller, long consultationId, long staffId) {
    if (!caller.isAdmin()) {
      throw Refused.forbidden("consultation.assign.admins-only");
    }
    Consultation consultation = waitingOne(consultationId);
    Person to = em.find(Person.class, staffId);
    if (to == null) {
      throw Refused.invalid("staff.unknown");
    }
    Instant now = clock.instant();
    consultation.assign(em.find(Person.class, caller.id()), to, now);
    conversations.admit(ConversationKind.CONSULTATION, consultation.conversationId(), to.id());
    audited(caller, AuditAction.CONSULTATION_ASSIGNED, consultation, "to account " + to.id());
    return changed(consultation, null);
  }

  /** Sends the consultation back to the queue of a specialty, with a note for whoever takes it. */
  public ConsultationSummary transferToSpecialty(
      Caller caller, long consultationId, long specialtyId, String note) {
    Consultation consultation = locked(caller, consultationId);
    Person from = consultation.staff();
    Instant now = clock.instant();
    em.persist(
        consultation.transfer(
            em.find(Person.class, caller.id()), specialty(specialtyId), note, now));
    if (from != null) {
      conversations.remove(ConversationKind.CONSULTATION, consultation.conversationId(), from.id());
    }
    audited(
        caller,
        AuditAction.CONSULTATION_TRANSFERRED,
        consultation,
        handedOver(from) + " to the queue of specialty " + specialtyId);
    return changed(consultation, from);
  }

  /** Sends the consultation back to the queue it came from (its specialty, or any specialist). */
  public ConsultationSummary requeue(Caller caller, long consultationId, String note) {
    Consultation consultation = locked(caller, consultationId);
    Person from = consultation.staff();
    em.persist(
        consultation.transfer(
            em.find(Person.class, caller.id()), consultation.specialty(), note, clock.instant()));
    if (from != null) {
      conversations.remove(ConversationKind.CONSULTATION, consultation.conversationId(), from.id());
    }
    return changed(consultation, from);
  }

  /**
   * Schedules the consultation (or lifts the schedule with both ends null). Outside the window the
   * patient reads, and writes only if the specialist lets them.
   */
  public ConsultationSummary schedule(
      Caller caller, long consultationId, Instant start, Instant end) {
    Consultation consultation = locked(caller, consultationId);
    consultation.schedule(em.find(Person.class, caller.id()), start, end, clock.instant());
    limitPatientWrites(consultation);
    return changed(consultation, null);
  }

  public ConsultationSummary allowPatientReplies(
      Caller caller, long consultationId, boolean allowed) {
    Consultation consultation = locked(caller, consultationId);
    consultation.allowPatientReplies(em.find(Person.class, caller.id()), allowed);
    limitPatientWrites(consultation);
    return changed(consultation, null);
  }

  /** Hands the consultation to another member of staff with a note; they see it at once. */
  public ConsultationSummary transfer(
      Caller caller, long consultationId, long toStaffId, String note) {
    Consultation consultation = locked(caller, consultationId);
    Person from = consultation.staff();
    Person to = em.find(Person.class, toStaffId);
    if (to == null) {
      throw Refused.invalid("staff.unknown");
    }
    Instant now = clock.instant();
    em.persist(consultation.transfer(em.find(Person.class, caller.id()), to, note, now));
    conversations.admit(ConversationKind.CONSULTATION, consultation.conversationId(), to.id());
    if (from != null && !from.id().equals(to.id())) {
      conversations.remove(ConversationKind.CONSULTATION, consultation.conversationId(), from.id());
    }
    audited(
        caller,
        AuditAction.CONSULTATION_TRANSFERRED,
        consultation,
        handedOver(from) + " to account " + to.id());
    return changed(consultation, from);
  }

  public ConsultationSummary accept(Caller caller, long consultationId) {
    Consultation consultation = locked(caller, consultationId);
    consultation.accept(em.find(Person.class, caller.id()), clock.instant());
    return changed(consultation, null);
  }

  /** Ends the consultation with a summary; its conversation takes no more messages. */
  public ConsultationSummary close(Caller caller, long consultationId, String summary) {
    Consultation consultation = locked(caller, consultationId);
    consultation.close(em.find(Person.class, caller.id()), summary, clock.instant());
    conversations.close(ConversationKind.CONSULTATION, consultation.conversationId());
    audited(caller, AuditAction.CONSULTATION_CLOSED, consultation, null);
    return changed(consultation, null);
  }

  /**
   * An erased patient's open consultations end with {@link Consultation#ERASED_SUMMARY}; their
   * specialists and the queue are told. Part of the erasure's transaction, which audits it once, so
   * no audit row here: the audit trail's lock stays the last one the erasure takes.
   *
   * @return how many were open
   */
  public int closeForErasure(Caller admin, long patientId) {
    if (!admin.isAdmin()) {
      throw Refused.forbidden("account.admin-only");
    }
    Instant now = clock.instant();
    int closed = 0;
    for (Consultation consultation : lists.ofPatient(patientId)) {
      if (consultation.status() == ConsultationStatus.CLOSED) {
        continue;
      }
      em.lock(consultation, LockModeType.PESSIMISTIC_WRITE);
      em.refresh(consultation);
      Person formerStaff = consultation.staff();
      if (consultation.closeForErasure(now)) {
        conversations.close(ConversationKind.CONSULTATION, consultation.conversationId());
        changed(consultation, formerStaff);
        closed++;
      }
    }
    return closed;
  }

  /** A follow-up of a closed consultation, handed straight to the same specialist. */
  public ConsultationSummary followUp(Caller caller, long consultationId, String subject) {
    rateLimits.spend(caller.id(), RateLimits.Kind.ACTIONS);
    Consultation previous = locked(caller, consultationId);
    Instant now = clock.instant();
    long conversationId = conversations.open(ConversationKind.CONSULTATION, caller.id());
    Consultation next =
        previous.followUp(
            em.find(Person.class, caller.id()),
            conversationId,
            subject,
            now,
            Duration.ofDays(settings.followUpDays()));
    em.persist(next);
    conversations.admit(ConversationKind.CONSULTATION, conversationId, next.staff().id());
    audited(caller, AuditAction.CONSULTATION_REQUESTED, next, "follow-up of " + previous.id());
    return changed(next, null);
  }

  /** Hand-over notes are for staff: the patient never sees them. */
  public List<HandoverNote> handovers(Caller caller, long consultationId) {
    requireStaff(caller);
    visible(caller, consultationId);
    return em.createNamedQuery(Handover.OF_CONSULTATION, Handover.class)
        .setParameter("consultation", consultationId)
        .getResultStream()
        .map(HandoverNote::of)
        .toList();
  }

  /** Whom a consultation can be handed or assigned to, with what they practise. */
  public List<StaffMember> colleagues(Caller caller) {
    requireStaff(caller);
    var practised = specialties.namesByStaff(caller);
    return em.createNamedQuery(Person.ACTIVE_STAFF, Person.class)
        .getResultStream()
        .filter(person -> person.id() != caller.id())
        .map(
            person ->
                new StaffMember(
                    person.id(),
                    person.displayName(),
                    practised.getOrDefault(person.id(), List.of())))
        .toList();
  }

  /**
   * Opening a consultation is recorded in the audit trail, whoever opens it; an administrator who
   * takes no part in it is marked as such.
   */
  public ConsultationSummary find(Caller caller, long consultationId) {
    ConsultationSummary summary = ConsultationSummary.of(visible(caller, consultationId));
    boolean adminAccess = caller.isAdmin() && !summary.hasParticipant(caller.id());
    auditLog.consultation(caller, adminAccess, AuditAction.CONSULTATION_OPENED, consultationId);
    return summary;
  }

  private Consultation visible(Caller caller, long consultationId) {
    Consultation consultation = em.find(Consultation.class, consultationId);
    if (consultation == null || !consultation.isVisibleTo(caller.id(), caller.role())) {
      throw Refused.notFound(NOT_YOURS);
    }
    return consultation;
  }

  /** Locked for the change, so two changes of one consultation at once see each other. */
  private Consultation locked(Caller caller, long consultationId) {
    Consultation consultation = visible(caller, consultationId);
    em.lock(consultation, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(consultation);
    return consultation;
  }

  /** Null stays null: a request for any specialist. */
  private Specialty specialty(Long id) {
    if (id == null) {
      return null;
    }
    Specialty specialty = em.find(Specialty.class, id);
    if (specialty == null) {
      throw Refused.invalid("specialty.unknown");
    }
    return specialty;
  }

  private void limitPatientWrites(Consultation consultation) {
    conversations.limitWrites(
        ConversationKind.CONSULTATION,
        consultation.conversationId(),
        consultation.patient().id(),
        consultation.appointment().patientWritesFrom(),
        consultation.appointment().patientWritesUntil());
  }

  /** A request in the queue, locked so that two people taking or assigning it see each other. */
  private Consultation waitingOne(long consultationId) {
    Consultation consultation =
        em.find(Consultation.class, consultationId, LockModeType.PESSIMISTIC_WRITE);
    if (consultation == null) {
      throw Refused.notFound(NOT_YOURS);
    }
    return consultation;
  }

  /**
   * Recorded last in each change, after every row lock the change takes: the audit trail's own lock
   * (its chain head) is then always the last one a transaction waits for, so it cannot close a
   * cycle of waits. Ids only in the detail, never the subject, summary or note.
   */
  private void audited(
      Caller caller, AuditAction action, Consultation consultation, String detail) {
    auditLog.record(
        caller,
        caller.isAdmin() && !ConsultationSummary.of(consultation).hasParticipant(caller.id()),
        action,
        AuditTarget.CONSULTATION,
        consultation.id(),
        detail);
  }

  private static String handedOver(Person from) {
    return from == null ? "from the queue" : "from account " + from.id();
  }

  private ConsultationSummary changed(Consultation consultation, Person formerStaff) {
    ConsultationSummary summary = ConsultationSummary.of(consultation);
    Set<Long> recipients = new HashSet<>();
    recipients.add(consultation.patient().id());
    if (consultation.staff() != null) {
      recipients.add(consultation.staff().id());
    }
    if (formerStaff != null) {
      recipients.add(formerStaff.id());
    }
    notifications.fire(new ConsultationChanged(summary, recipients));
    notifications.fire(
        consultation.isWaiting()
            ? QueueChanged.arrived(QueueItem.of(consultation))
            : QueueChanged.left(consultation.id()));
    return summary;
  }

  private static void requireStaff(Caller caller) {
    if (!caller.isStaff()) {
      throw Refused.forbidden("queue.staff-only");
    }
  }
}
