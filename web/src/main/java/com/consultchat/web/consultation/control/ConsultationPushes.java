package com.consultchat.web.consultation.control;

import com.consultchat.consultation.boundary.ConsultationChanged;
import com.consultchat.consultation.boundary.QueueChanged;
import com.consultchat.consultation.boundary.UrgentRaised;
import com.consultchat.web.messaging.boundary.Pushes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Pushes what changed in consultations to the screens that show it: a consultation's change to its
 * members, the queue to every staff member. Registered with messaging's {@link Pushes} as the
 * application starts, so messaging delivers these without knowing consultations.
 */
@ApplicationScoped
public class ConsultationPushes {

  @Inject Pushes pushes;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    pushes.on(ConsultationChanged.class, this::consultationChanged);
    pushes.on(QueueChanged.class, this::queueChanged);
    pushes.on(UrgentRaised.class, this::urgentRaised);
  }

  void consultationChanged(ConsultationChanged changed) {
    pushes.toPeople(changed.recipients(), new ConsultationFrame(changed.consultation()));
  }

  /**
   * The patient is told what to do now; staff are alerted: all of them while the request waits
   * (whoever is free should take it), otherwise the one who holds it.
   */
  void urgentRaised(UrgentRaised raised) {
    pushes.toPeopleInConversation(
        Set.of(raised.patientId()),
        raised.conversationId(),
        UrgentFrame.forPatient(raised.consultationId(), raised.conversationId()));
    UrgentFrame alert =
        UrgentFrame.forStaff(raised.consultationId(), raised.conversationId(), raised.waiting());
    if (raised.waiting() || raised.staffId() == null) {
      pushes.toStaff(alert);
    } else {
      pushes.toPeople(Set.of(raised.staffId()), alert);
    }
  }

  /** The queue is every staff member's; it names no patient (see {@code QueueItem}). */
  void queueChanged(QueueChanged changed) {
    pushes.toStaff(new QueueFrame(changed.arrived()));
  }
}
