package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.consultation.control.AppointmentWindow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The chat page's appointment dialog: sets or lifts the window in which the patient writes, and
 * whether they may reply outside it. {@link Consultations} decides whether this person may.
 */
@Named
@RequestScoped
public class AppointmentDialog {

  @Inject Consultations consultations;
  @Inject CurrentUser currentUser;
  @Inject ChatView chat;

  private String start;
  private String end;
  private String zone;

  /** Sets the window from the browser's local date-times and its time zone. */
  public void schedule() throws IOException {
    long consultation = chat.getConsultation().id();
    ChatPage.act(
        consultation,
        () -> {
          AppointmentWindow window = AppointmentWindow.parse(start, end, zone);
          consultations.schedule(currentUser.caller(), consultation, window.start(), window.end());
        },
        "chat.appointment.done.set");
  }

  public void unschedule() throws IOException {
    long consultation = chat.getConsultation().id();
    ChatPage.act(
        consultation,
        () -> consultations.schedule(currentUser.caller(), consultation, null, null),
        "chat.appointment.done.lifted");
  }

  public void allowReplies(boolean allowed) throws IOException {
    long consultation = chat.getConsultation().id();
    ChatPage.act(
        consultation,
        () -> consultations.allowPatientReplies(currentUser.caller(), consultation, allowed),
        allowed ? "chat.appointment.done.allowed" : "chat.appointment.done.forbidden");
  }

  /** Local date-times from the dialog; the page fills them in from the current window. */
  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public String getEnd() {
    return end;
  }

  public void setEnd(String end) {
    this.end = end;
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }
}
