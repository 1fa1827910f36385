package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.AccountChanged;
import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.control.ConsultationLists;
import com.consultchat.consultation.entity.Consultation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * When an administrator disables a member of staff, their open consultations go on without them, in
 * the same transaction: to the colleague the administrator chose, or back to the queue of their
 * specialty. Each goes through the ordinary transfer, so it leaves a hand-over note, a transfer in
 * the audit trail where transfers are audited, and pushes to the patient and the new holder.
 */
@ApplicationScoped
public class StaffDepartures {

  @Inject ConsultationLists lists;
  @Inject Consultations consultations;

  void disabled(@Observes AccountChanged event) {
    if (event.kind() != AccountChanged.Kind.DISABLED) {
      return;
    }
    Caller admin = event.admin();
    String note = "Handed on by an administrator: " + event.account().displayName() + " left.";
    for (Consultation open : lists.heldBy(event.account().id())) {
      if (event.handTo() == null) {
        consultations.requeue(admin, open.id(), note);
      } else {
        consultations.transfer(admin, open.id(), event.handTo(), note);
      }
    }
  }
}
