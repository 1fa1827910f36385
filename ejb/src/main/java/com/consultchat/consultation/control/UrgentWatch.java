package com.consultchat.consultation.control;

import com.consultchat.consultation.boundary.Urgencies;
import com.consultchat.safety.boundary.EmergencyWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/** Hands a matched message to the consultations' flag, in a transaction of its own. */
@ApplicationScoped
public class UrgentWatch {

  @Inject Urgencies urgencies;

  void written(@ObservesAsync EmergencyWritten written) {
    urgencies.raise(written);
  }
}
