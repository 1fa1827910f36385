package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.entity.ConsultationStatus;
import com.consultchat.platform.boundary.CurrentUser;
import com.consultchat.platform.boundary.Feedback;
import com.consultchat.platform.boundary.Pages;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.platform.entity.Refused;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The chat page of one consultation and what can be done with it. The page shows who and what; the
 * messages travel over the socket, so history and live messages take one path and merge by seq.
 * Every action redirects back, so a reload never repeats it.
 */
@Named
// The consultation is read once, when the page opens; its dialogs post back to the same view.
@ViewScoped
public class ChatView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Consultations consultations;
  @Inject CurrentUser currentUser;
  @Inject Settings settings;
  @Inject Clock clock;

  private String id;
  private ConsultationSummary consultation;
  private Long transferTo;
  private String note;
  private String summary;
  private String followUpSubject;
  private List<HandoverNote> handovers;
  private List<StaffMember> colleagues;

  /**
   * Anyone but its patient, its specialist and administrators gets a 404: not even its existence.
   */
  public void load() throws IOException {
    try {
      consultation = consultations.find(currentUser.caller(), parsedId());
    } catch (Refused refused) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces
          .getExternalContext()
          .responseSendError(HttpServletResponse.SC_NOT_FOUND, refused.getMessage());
      faces.responseComplete();
    }
  }

  public void accept() throws IOException {
    act(() -> consultations.accept(currentUser.caller(), parsedId()), "You have taken it on.");
  }

  /** After handing over, the page is no longer this person's: back to the queue. */
  public void transfer() throws IOException {
    try {
      ConsultationSummary handed =
          consultations.transfer(
              currentUser.caller(), parsedId(), transferTo == null ? 0 : transferTo, note);
      Feedback.info("Handed over to " + handed.staffName() + ".");
      Pages.redirect("/staff/queue.xhtml");
    } catch (Refused refused) {
      Feedback.error(refused.getMessage());
      Pages.redirect("/consultation/chat.xhtml?id=" + parsedId());
    }
  }

  public void close() throws IOException {
    act(
        () -> consultations.close(currentUser.caller(), parsedId(), summary),
        "Closed. The patient can read the summary.");
  }

  public void followUp() throws IOException {
    try {
      ConsultationSummary next =
          consultations.followUp(currentUser.caller(), parsedId(), followUpSubject);
      Feedback.info("Your follow-up went to " + next.staffName() + ".");
      Pages.redirect("/consultation/chat.xhtml?id=" + next.id());
    } catch (Refused refused) {
      Feedback.error(refused.getMessage());
      Pages.redirect("/consultation/chat.xhtml?id=" + id);
    }
  }

  private void act(Runnable action, String done) throws IOException {
    try {
      action.run();
      Feedback.info(done);
    } catch (Refused refused) {
      Feedback.error(refused.getMessage());
    }
    Pages.redirect("/consultation/chat.xhtml?id=" + parsedId());
  }

  public ConsultationSummary getConsultation() {
    return consultation;
  }

  public long getMe() {
    return currentUser.caller().id();
  }

  public int getMaxLength() {
    return settings.messageMaxLength();
  }

  /** The other party's name, as this person thinks of them. */
  public String getCounterpart() {
    Caller me = currentUser.caller();
    if (me.isPatient()) {
      return consultation.staffName() == null
          ? "Waiting for a specialist"
          : consultation.staffName();
    }
    return consultation.patientName();
  }

  public String getStatusLabel() {
    return consultation.statusLabel();
  }

  public boolean isCanWrite() {
    return consultation.hasParticipant(currentUser.caller().id())
        && consultation.status() != ConsultationStatus.CLOSED;
  }

  public boolean isWaiting() {
    return consultation.status() == ConsultationStatus.REQUESTED;
  }

  public boolean isClosed() {
    return consultation.status() == ConsultationStatus.CLOSED;
  }

  /** The specialist in charge (or an administrator) may hand over or close it. */
  public boolean isCanManage() {
    Caller me = currentUser.caller();
    boolean open =
        consultation.status() == ConsultationStatus.ACTIVE
            || consultation.status() == ConsultationStatus.TRANSFERRED;
    return open && (me.isAdmin() || Long.valueOf(me.id()).equals(consultation.staffId()));
  }

  public boolean isCanAccept() {
    return consultation.status() == ConsultationStatus.TRANSFERRED
        && Long.valueOf(currentUser.caller().id()).equals(consultation.staffId());
  }

  public boolean isCanFollowUp() {
    return isClosed()
        && consultation.patientId() == currentUser.caller().id()
        && clock
            .instant()
            .isBefore(consultation.closedAt().plus(Duration.ofDays(settings.followUpDays())));
  }

  /** Hand-over notes are for staff; patients never get them. */
  public List<HandoverNote> getHandovers() {
    if (handovers == null) {
      handovers =
          currentUser.isStaff()
              ? consultations.handovers(currentUser.caller(), consultation.id())
              : List.of();
    }
    return handovers;
  }

  public List<StaffMember> getColleagues() {
    if (colleagues == null) {
      colleagues = isCanManage() ? consultations.colleagues(currentUser.caller()) : List.of();
    }
    return colleagues;
  }

  private long parsedId() {
    try {
      return Long.parseLong(id == null ? "" : id.strip());
    } catch (NumberFormatException e) {
      throw Refused.notFound("There is no such consultation.");
    }
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Long getTransferTo() {
    return transferTo;
  }

  public void setTransferTo(Long transferTo) {
    this.transferTo = transferTo;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getFollowUpSubject() {
    return followUpSubject;
  }

  public void setFollowUpSubject(String followUpSubject) {
    this.followUpSubject = followUpSubject;
  }
}
