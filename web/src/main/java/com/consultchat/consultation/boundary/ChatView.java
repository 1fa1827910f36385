package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.entity.ConsultationStatus;
import com.consultchat.platform.boundary.CurrentUser;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.platform.entity.Refused;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The chat page of one consultation. The page shows who and what; the messages themselves travel
 * over the socket, so history and live messages take one path and are merged by sequence number.
 */
@Named
@RequestScoped
public class ChatView {

  @Inject Consultations consultations;
  @Inject CurrentUser currentUser;
  @Inject Settings settings;

  private String id;
  private ConsultationSummary consultation;

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

  public ConsultationSummary getConsultation() {
    return consultation;
  }

  public long getMe() {
    return currentUser.caller().id();
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

  public int getMaxLength() {
    return settings.messageMaxLength();
  }

  public boolean isCanWrite() {
    return consultation.hasParticipant(currentUser.caller().id())
        && consultation.status() != ConsultationStatus.CLOSED;
  }

  public boolean isWaiting() {
    return consultation.status() == ConsultationStatus.REQUESTED;
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
}
