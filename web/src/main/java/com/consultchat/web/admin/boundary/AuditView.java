package com.consultchat.web.admin.boundary;

import com.consultchat.audit.boundary.AuditPage;
import com.consultchat.audit.boundary.AuditTrail;
import com.consultchat.web.account.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The audit log for administrators, newest first, narrowed by consultation and by who acted. The
 * filter is a GET form, so every page of the log is a link that can be shared with a colleague.
 */
@Named
@RequestScoped
public class AuditView {

  @Inject AuditTrail trail;
  @Inject CurrentUser currentUser;

  private String consultation;
  private String actor;
  private String page;
  private AuditPage entries;
  private PageLinks links;

  public void load() {
    int number = PageLinks.page(page);
    entries =
        trail.page(
            currentUser.caller(), consultationId(), actor, PageLinks.first(number), PageLinks.SIZE);
    links = new PageLinks(number, PageLinks.SIZE, entries.total());
  }

  /** An id that is not a number matches nothing rather than everything. */
  private Long consultationId() {
    if (consultation == null || consultation.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(consultation.strip());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  public AuditPage getEntries() {
    return entries;
  }

  public PageLinks getLinks() {
    return links;
  }

  public String getConsultation() {
    return consultation;
  }

  public void setConsultation(String consultation) {
    this.consultation = consultation;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }
}
