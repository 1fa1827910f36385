package com.consultchat.web.privacy.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.privacy.boundary.ErasureItem;
import com.consultchat.privacy.boundary.ErasureRequests;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * "Your data": the download of everything the clinic holds about the person, and for patients the
 * request to be erased, with what it does and does not erase said first, and its outcome after.
 */
@Named
@RequestScoped
public class DataRightsView {

  @Inject ErasureRequests erasures;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private ErasureItem erasure;
  private boolean understood;

  @PostConstruct
  void load() {
    erasure = erasures.mine(currentUser.caller()).orElse(null);
  }

  public void askForErasure() throws IOException {
    if (!understood) {
      Feedback.error(text.format("data.erase.not-understood"));
      return;
    }
    try {
      erasures.request(currentUser.caller());
      Feedback.info(text.format("data.erase.asked.done"));
      Pages.redirect("/account/data.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public ErasureItem getErasure() {
    return erasure;
  }

  public boolean isErasurePending() {
    return erasure != null && erasure.isPending();
  }

  public int getMedicalRecordYears() {
    return erasures.medicalRecordYears();
  }

  public String getPseudonym() {
    return ErasureRequests.pseudonym(currentUser.getId());
  }

  public boolean isUnderstood() {
    return understood;
  }

  public void setUnderstood(boolean understood) {
    this.understood = understood;
  }
}
