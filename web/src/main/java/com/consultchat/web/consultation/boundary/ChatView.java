package com.consultchat.web.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.consultation.boundary.HandoverNote;
import com.consultchat.consultation.boundary.Specialties;
import com.consultchat.consultation.boundary.SpecialtyRef;
import com.consultchat.consultation.boundary.StaffMember;
import com.consultchat.consultation.entity.ConsultationStatus;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.consultation.control.AppointmentWindow;
import com.consultchat.web.platform.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
  @Inject Specialties specialties;

  private String id;
  private ConsultationSummary consultation;
  private String transferTo;
  private String windowStart;
  private String windowEnd;
  private String zone;
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
      Pages.notFound(refused);
    }
  }

  public void accept() throws IOException {
    act(() -> consultations.accept(currentUser.caller(), parsedId()), "You have taken it on.");
  }

  /**
   * To a colleague ({@code staff:id}) or to a specialty's queue ({@code specialty:id}). After
   * handing over, the page is no longer this person's: back to the queue.
   */
  public void transfer() throws IOException {
    try {
      String target = transferTo == null ? "" : transferTo;
      if (target.startsWith(SPECIALTY)) {
        ConsultationSummary handed =
            consultations.transferToSpecialty(
                currentUser.caller(), parsedId(), number(target, SPECIALTY), note);
        Feedback.info("Handed over to the " + handed.specialtyName() + " queue.");
      } else {
        ConsultationSummary handed =
            consultations.transfer(currentUser.caller(), parsedId(), number(target, STAFF), note);
        Feedback.info("Handed over to " + handed.staffName() + ".");
      }
      Pages.redirect("/staff/queue.xhtml");
    } catch (Refused refused) {
      Feedback.error(refused.getMessage());
      Pages.redirect("/consultation/chat.xhtml?id=" + parsedId());
    }
  }

  /** Sets the appointment window from the browser's local date-times and its time zone. */
  public void schedule() throws IOException {
    act(
        () -> {
          AppointmentWindow window = AppointmentWindow.parse(windowStart, windowEnd, zone);
          consultations.schedule(currentUser.caller(), parsedId(), window.start(), window.end());
        },
        "The appointment is set.");
  }

  public void unschedule() throws IOException {
    act(
        () -> consultations.schedule(currentUser.caller(), parsedId(), null, null),
        "The appointment is lifted; the patient can write at any time.");
  }

  public void allowReplies(boolean allowed) throws IOException {
    act(
        () -> consultations.allowPatientReplies(currentUser.caller(), parsedId(), allowed),
        allowed
            ? "The patient may reply outside the appointment."
            : "The patient writes only during the appointment.");
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

  private static final String STAFF = "staff:";
  private static final String SPECIALTY = "specialty:";

  private static long number(String target, String prefix) {
    try {
      return Long.parseLong(target.startsWith(prefix) ? target.substring(prefix.length()) : "");
    } catch (NumberFormatException e) {
      throw Refused.invalid("Choose a colleague or a specialty to hand over to.");
    }
  }

  public ConsultationSummary getConsultation() {
    return consultation;
  }

  public long getMe() {
    return currentUser.caller().id();
  }

  public int getEditWindowMinutes() {
    return settings.editWindowMinutes();
  }

  public boolean isReadReceipts() {
    return settings.readReceipts();
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
    return isParticipant() && consultation.status() != ConsultationStatus.CLOSED;
  }

  /**
   * Only participants follow the conversation live. An administrator looking at someone else's
   * consultation reads it in the transcript, where each access is recorded.
   */
  public boolean isParticipant() {
    return consultation.hasParticipant(currentUser.caller().id());
  }

  /** Whether this person is the patient, whose writing a scheduled window may limit. */
  public boolean isPatient() {
    return consultation.patientId() == currentUser.caller().id();
  }

  /** Local date-times from the dialog; the page fills them in from the current window. */
  public String getWindowStart() {
    return windowStart;
  }

  public String getWindowEnd() {
    return windowEnd;
  }

  public void setWindowStart(String windowStart) {
    this.windowStart = windowStart;
  }

  public void setWindowEnd(String windowEnd) {
    this.windowEnd = windowEnd;
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }

  public List<SpecialtyRef> getSpecialties() {
    return isCanManage() ? specialties.all() : List.of();
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
    return Pages.id(id, "There is no such consultation.");
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTransferTo() {
    return transferTo;
  }

  public void setTransferTo(String transferTo) {
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
