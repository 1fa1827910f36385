package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.entity.Account;
import com.consultchat.consultation.entity.Consultation;
import com.consultchat.messaging.control.Membership;
import com.consultchat.messaging.entity.Conversation;
import com.consultchat.messaging.entity.ConversationKind;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.entity.Refused;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One-to-one consultations: patients ask, staff take from the queue. Every method decides from the
 * caller and the consultation itself, never from the role alone.
 */
@Stateless
public class Consultations {

  private static final String NOT_YOURS = "There is no such consultation, or it is not yours.";

  @PersistenceContext EntityManager em;
  @Inject Membership membership;
  @Inject Clock clock;
  @Inject Event<Notification> notifications;

  public ConsultationSummary request(Caller caller, String subject) {
    if (!caller.isPatient()) {
      throw Refused.forbidden("Only patients can ask for a consultation.");
    }
    Instant now = clock.instant();
    Conversation conversation = new Conversation(ConversationKind.CONSULTATION, now);
    em.persist(conversation);
    Account patient = em.find(Account.class, caller.id());
    Consultation consultation = new Consultation(patient, conversation.id(), subject, now);
    em.persist(consultation);
    membership.add(conversation.id(), caller.id(), now);
    notifications.fire(new QueueChanged(consultation.id()));
    return ConsultationSummary.of(consultation);
  }

  public List<ConsultationSummary> waiting(Caller caller) {
    requireStaff(caller);
    return em.createNamedQuery(Consultation.WAITING, Consultation.class)
        .getResultStream()
        .map(ConsultationSummary::of)
        .toList();
  }

  /** A patient's own consultations, or the ones a member of staff is working on. */
  public List<ConsultationSummary> mine(Caller caller) {
    String query = caller.isPatient() ? Consultation.OF_PATIENT : Consultation.OF_STAFF;
    return em.createNamedQuery(query, Consultation.class)
        .setParameter("account", caller.id())
        .getResultStream()
        .map(ConsultationSummary::of)
        .toList();
  }

  public ConsultationSummary take(Caller caller, long consultationId) {
    requireStaff(caller);
    // The row lock makes two staff taking the same request at once see each other: one wins.
    Consultation consultation =
        em.find(Consultation.class, consultationId, LockModeType.PESSIMISTIC_WRITE);
    if (consultation == null) {
      throw Refused.notFound(NOT_YOURS);
    }
    Instant now = clock.instant();
    consultation.take(em.find(Account.class, caller.id()), now);
    membership.add(consultation.conversationId(), caller.id(), now);
    ConsultationSummary summary = ConsultationSummary.of(consultation);
    notifications.fire(new QueueChanged(consultationId));
    notifications.fire(
        new ConsultationChanged(summary, Set.of(consultation.patient().id(), caller.id())));
    return summary;
  }

  public ConsultationSummary find(Caller caller, long consultationId) {
    Consultation consultation = em.find(Consultation.class, consultationId);
    if (consultation == null || !consultation.isVisibleTo(caller.id(), caller.role())) {
      throw Refused.notFound(NOT_YOURS);
    }
    return ConsultationSummary.of(consultation);
  }

  private static void requireStaff(Caller caller) {
    if (!caller.isStaff()) {
      throw Refused.forbidden("Only staff can see the queue.");
    }
  }
}
