package com.consultchat.web.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.boundary.ConsultationStatus;
import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.consultation.boundary.HandoverNote;
import com.consultchat.consultation.boundary.TranscriptMessage;
import com.consultchat.consultation.boundary.Transcripts;
import com.consultchat.consultation.boundary.Urgencies;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.PageText;
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
 * The chat page of one consultation: who and what, and which of its dialogs this person gets
 * ({@link TransferDialog}, {@link AppointmentDialog}, {@link CloseDialog}, {@link FollowUpDialog}).
 * The messages travel over the socket, so history and live messages take one path and merge by seq.
 */
@Named
// The consultation is read once, when the page opens; the dialogs post back to the same view.
@ViewScoped
public class ChatView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Consultations consultations;
  @Inject CurrentUser currentUser;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Urgencies urgencies;
  @Inject Transcripts transcripts;
  @Inject PageText text;

  private String id;
  private boolean urgent;
  private ConsultationSummary consultation;
  private List<HandoverNote> handovers;
  private List<TranscriptMessage> observed;

  /**
   * Anyone but its patient, its specialist and administrators gets a 404: not even its existence.
   */
  public void load() throws IOException {
    try {
      consultation =
          consultations.find(currentUser.caller(), Pages.id(id, "consultation.not-yours"));
      urgent = urgencies.since(currentUser.caller(), consultation.id()).isPresent();
      if (urgent) {
        urgencies.seen(currentUser.caller(), consultation.id(), "chat");
      }
    } catch (Refused refused) {
      Pages.notFound(refused);
    }
  }

  /** A specialist takes on a consultation handed over to them. */
  public void accept() throws IOException {
    ChatPage.act(
        consultation.id(),
        () -> consultations.accept(currentUser.caller(), consultation.id()),
        "chat.accepted");
  }

  public ConsultationSummary getConsultation() {
    return consultation;
  }

  /** Whether the patient wrote something that may be an emergency (flagged for good). */
  public boolean isUrgent() {
    return urgent;
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
    if (currentUser.caller().isPatient()) {
      return consultation.staffName() == null
          ? text.get("chat.waiting.for")
          : consultation.staffName();
    }
    return consultation.patientName();
  }

  public String getStatusLabel() {
    return text.get(consultation.statusKey());
  }

  /** The follow-up dialog's button: whom the question goes to. */
  public String getFollowUpLabel() {
    return text.format("chat.followup.ask", consultation.staffName());
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

  /**
   * An administrator looking into someone else's consultation: they read it, they don't take part.
   */
  public boolean isObserving() {
    return currentUser.isAdmin() && !isParticipant();
  }

  /**
   * The messages as an observing administrator reads them, once per page: read-only, and recorded
   * in the audit log as a transcript view, as on the transcript page.
   */
  public List<TranscriptMessage> getObserved() {
    if (observed == null) {
      observed =
          isObserving()
              ? transcripts.view(currentUser.caller(), consultation.id()).messages()
              : List.of();
    }
    return observed;
  }

  /** Whether this person is the patient, whose writing a scheduled window may limit. */
  public boolean isPatient() {
    return consultation.patientId() == currentUser.caller().id();
  }

  public boolean isWaiting() {
    return consultation.status() == ConsultationStatus.REQUESTED;
  }

  public boolean isClosed() {
    return consultation.status() == ConsultationStatus.CLOSED;
  }

  /** The specialist in charge (or an administrator) may schedule, hand over or close it. */
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

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
