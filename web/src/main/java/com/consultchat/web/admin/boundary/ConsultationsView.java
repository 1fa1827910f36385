package com.consultchat.web.admin.boundary;

import com.consultchat.consultation.boundary.ConsultationPage;
import com.consultchat.consultation.boundary.ConsultationRegister;
import com.consultchat.consultation.boundary.ConsultationStatus;
import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.PageText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * Every consultation, for administrators, filtered by status and paged by plain links: each page is
 * one GET, read (and audited) once.
 */
@Named("adminConsultationsView")
@RequestScoped
public class ConsultationsView {

  @Inject ConsultationRegister register;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private String status;
  private String page;
  private ConsultationPage rows;
  private PageLinks links;

  public void load() {
    int number = PageLinks.page(page);
    rows =
        register.page(
            currentUser.caller(), parsedStatus(), PageLinks.first(number), PageLinks.SIZE);
    links = new PageLinks(number, PageLinks.SIZE, rows.total());
  }

  private ConsultationStatus parsedStatus() {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return ConsultationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public List<ConsultationStatus> getStatuses() {
    return List.of(ConsultationStatus.values());
  }

  public String label(ConsultationStatus status) {
    return text.get("admin.consultations.status." + status.name());
  }

  /** A row's state in words: a follow-up waiting for its specialist is named as one. */
  public String statusLabel(ConsultationSummary row) {
    return row.status() == ConsultationStatus.TRANSFERRED && row.followUpOf() != null
        ? text.get("admin.consultations.status.follow-up")
        : label(row.status());
  }

  /** The filter in force, as the links spell it ("" for all). */
  public String getCurrentStatus() {
    ConsultationStatus parsed = parsedStatus();
    return parsed == null ? "" : parsed.name();
  }

  public ConsultationPage getRows() {
    return rows;
  }

  public PageLinks getLinks() {
    return links;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }
}
