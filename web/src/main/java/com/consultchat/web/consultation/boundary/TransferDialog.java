package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.consultation.boundary.Specialties;
import com.consultchat.consultation.boundary.SpecialtyRef;
import com.consultchat.consultation.boundary.StaffMember;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * The chat page's hand-over dialog: to a colleague ({@code staff:id}) or to a specialty's queue
 * ({@code specialty:id}), with a note for staff. {@link Consultations} decides whether this person
 * may hand this consultation over.
 */
@Named
@RequestScoped
public class TransferDialog {

  private static final String STAFF = "staff:";
  private static final String SPECIALTY = "specialty:";

  @Inject Consultations consultations;
  @Inject Specialties specialties;
  @Inject CurrentUser currentUser;
  @Inject ChatView chat;
  @Inject PageText text;

  private String target;
  private String note;
  private List<StaffMember> colleagues;

  /** After handing over, the page is no longer this person's: back to the queue. */
  public void transfer() throws IOException {
    long consultation = chat.getConsultation().id();
    try {
      String chosen = target == null ? "" : target;
      if (chosen.startsWith(SPECIALTY)) {
        ConsultationSummary handed =
            consultations.transferToSpecialty(
                currentUser.caller(), consultation, number(chosen, SPECIALTY), note);
        Feedback.info(text.format("chat.transfer.done.queue", handed.specialtyName()));
      } else {
        ConsultationSummary handed =
            consultations.transfer(currentUser.caller(), consultation, number(chosen, STAFF), note);
        Feedback.info(text.format("chat.transfer.done", handed.staffName()));
      }
      Pages.redirect("/staff/queue.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
      ChatPage.show(consultation);
    }
  }

  private static long number(String target, String prefix) {
    try {
      return Long.parseLong(target.startsWith(prefix) ? target.substring(prefix.length()) : "");
    } catch (NumberFormatException e) {
      throw Refused.invalid("transfer.target.missing");
    }
  }

  public List<StaffMember> getColleagues() {
    if (colleagues == null) {
      colleagues = chat.isCanManage() ? consultations.colleagues(currentUser.caller()) : List.of();
    }
    return colleagues;
  }

  public List<SpecialtyRef> getSpecialties() {
    return chat.isCanManage() ? specialties.all() : List.of();
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
