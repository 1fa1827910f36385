package com.consultchat.web.admin.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.retention.boundary.HoldItem;
import com.consultchat.retention.boundary.LegalHolds;
import com.consultchat.retention.boundary.PurgeReport;
import com.consultchat.retention.boundary.Retention;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The retention page: the periods in force, a dry run that lists what a purge would remove (counts
 * and numbers, never content), a purge on request, and the legal holds. The report stays on the
 * page it was asked from, so it is view-scoped; holds change through redirects like other forms.
 */
@Named
@ViewScoped
public class RetentionView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String PAGE = "/admin/retention.xhtml";

  @Inject Retention retention;
  @Inject LegalHolds holds;
  @Inject Settings settings;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private PurgeReport report;
  private List<HoldItem> active;
  private String consultation;
  private String username;
  private String reason;

  public void dryRun() {
    report = retention.dryRun(currentUser.caller());
  }

  public void purge() {
    report = retention.purgeNow(currentUser.caller());
    active = null;
    Feedback.info(
        text.format(
            "admin.retention.purged", report.entries(), report.files(), report.items().size()));
  }

  public void holdConsultation() throws IOException {
    try {
      long id = Long.parseLong(consultation == null ? "" : consultation.strip());
      holds.holdConsultation(currentUser.caller(), id, reason);
      Feedback.info(text.format("admin.retention.held.consultation", id));
      Pages.redirect(PAGE);
    } catch (NumberFormatException e) {
      Feedback.error(text.format("admin.retention.number.required"));
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public void holdPerson() throws IOException {
    try {
      HoldItem hold = holds.holdPerson(currentUser.caller(), username, reason);
      Feedback.info(text.format("admin.retention.held.person", hold.username()));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public void release(long id) throws IOException {
    try {
      holds.release(currentUser.caller(), id);
      Feedback.info(text.format("admin.retention.released"));
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
    Pages.redirect(PAGE);
  }

  public List<HoldItem> getHolds() {
    if (active == null) {
      active = holds.active(currentUser.caller());
    }
    return active;
  }

  public PurgeReport getReport() {
    return report;
  }

  public int getConsultationYears() {
    return settings.consultationRetentionYears();
  }

  public int getRoomDays() {
    return settings.roomRetentionDays();
  }

  public String getConsultation() {
    return consultation;
  }

  public void setConsultation(String consultation) {
    this.consultation = consultation;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
