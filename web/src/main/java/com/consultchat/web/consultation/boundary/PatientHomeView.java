package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.consultation.boundary.Specialties;
import com.consultchat.consultation.boundary.SpecialtyRef;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A patient's consultations and the form to ask a new question. */
@Named
@ViewScoped
public class PatientHomeView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Consultations consultations;
  @Inject CurrentUser currentUser;
  @Inject Specialties specialties;
  @Inject Conversations conversations;

  private String subject;
  private Long specialtyId;
  private List<ConsultationSummary> mine;
  private List<SpecialtyRef> offered;
  private Map<Long, Long> unread;

  public List<ConsultationSummary> getMine() {
    if (mine == null) {
      mine = consultations.mine(currentUser.caller());
    }
    return mine;
  }

  public void request() throws IOException {
    try {
      ConsultationSummary created =
          consultations.request(currentUser.caller(), subject, specialtyId);
      Pages.redirect("/consultation/chat.xhtml?id=" + created.id());
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public List<SpecialtyRef> getSpecialties() {
    if (offered == null) {
      offered = specialties.all();
    }
    return offered;
  }

  /** Unread messages by conversation id. */
  public Map<Long, Long> getUnread() {
    if (unread == null) {
      unread = conversations.unread(currentUser.caller());
    }
    return unread;
  }

  public Long getSpecialtyId() {
    return specialtyId;
  }

  public void setSpecialtyId(Long specialtyId) {
    this.specialtyId = specialtyId;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  /** Called by the page when the socket says one of the consultations changed. */
  public void refresh() {
    mine = null;
    unread = null;
  }
}
