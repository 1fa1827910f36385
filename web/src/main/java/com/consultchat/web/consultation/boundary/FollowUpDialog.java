package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The chat page's follow-up dialog: a patient asks the same specialist again after closing, in a
 * new consultation, which opens at once. {@link Consultations} decides whether this person may.
 */
@Named
@RequestScoped
public class FollowUpDialog {

  @Inject Consultations consultations;
  @Inject CurrentUser currentUser;
  @Inject ChatView chat;
  @Inject PageText text;

  private String subject;

  public void ask() throws IOException {
    long consultation = chat.getConsultation().id();
    try {
      ConsultationSummary next =
          consultations.followUp(currentUser.caller(), consultation, subject);
      Feedback.info(text.format("chat.followup.done", next.staffName()));
      ChatPage.show(next.id());
    } catch (Refused refused) {
      Feedback.refused(refused);
      ChatPage.show(consultation);
    }
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }
}
