package com.consultchat.web.consultation.control;

import com.consultchat.consultation.boundary.ConsultationChanged;
import com.consultchat.consultation.boundary.QueueChanged;
import com.consultchat.web.messaging.boundary.Pushes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

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
  }

  void consultationChanged(ConsultationChanged changed) {
    pushes.toPeople(changed.recipients(), new ConsultationFrame(changed.consultation()));
  }

  /** The queue is every staff member's; it names no patient (see {@code QueueItem}). */
  void queueChanged(QueueChanged changed) {
    pushes.toStaff(new QueueFrame(changed.arrived()));
  }
}
