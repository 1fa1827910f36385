package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.web.account.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The chat page's closing dialog: ends the consultation with a summary the patient reads. {@link
 * Consultations} decides whether this person may.
 */
@Named
@RequestScoped
public class CloseDialog {

  @Inject Consultations consultations;
  @Inject CurrentUser currentUser;
  @Inject ChatView chat;

  private String summary;

  public void close() throws IOException {
    long consultation = chat.getConsultation().id();
    ChatPage.act(
        consultation,
        () -> consultations.close(currentUser.caller(), consultation, summary),
        "chat.close.done");
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }
}
