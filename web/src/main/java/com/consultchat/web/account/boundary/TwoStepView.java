package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Enrolment;
import com.consultchat.account.boundary.SecondFactors;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.control.QrCode;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import com.consultchat.web.platform.boundary.RequiredStepFilter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Two-step login on the person's own page: set it up from a QR code (or the secret typed in),
 * confirmed with a first code, after which the recovery codes show once; or switch it off with a
 * code.
 */
@Named
@ViewScoped
public class TwoStepView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SecondFactors secondFactors;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private Enrolment enrolment;
  private List<String> recoveryCodes;
  private String code;

  public boolean isEnabled() {
    return secondFactors.enabled(currentUser.caller());
  }

  /** The clinic requires it and this person has not set it up yet. */
  public boolean isRequired() {
    return RequiredStepFilter.Step.SECOND_FACTOR.pending(session());
  }

  /** Staff where the clinic requires it may not switch it off. */
  public boolean isMayDisable() {
    return !(currentUser.caller().isStaff() && secondFactors.requiredForStaff());
  }

  public long getRecoveryCodesLeft() {
    return secondFactors.recoveryCodesLeft(currentUser.caller());
  }

  public Enrolment getEnrolment() {
    if (enrolment == null) {
      enrolment = secondFactors.begin(currentUser.caller());
    }
    return enrolment;
  }

  public String getQrCode() {
    return QrCode.svgDataUri(getEnrolment().uri());
  }

  /** Shown once, right after setting up. */
  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }

  public void confirm() {
    try {
      recoveryCodes = secondFactors.confirm(currentUser.caller(), code, address());
      RequiredStepFilter.Step.SECOND_FACTOR.done(
          FacesContext.getCurrentInstance().getExternalContext().getSessionMap());
      code = null;
      Feedback.info(text.format("two-step.on.done"));
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public void disable() throws IOException {
    try {
      secondFactors.disable(currentUser.caller(), code, address());
      Feedback.info(text.format("two-step.off.done"));
      Pages.redirect("/account/two-step.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  private static HttpSession session() {
    return (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
  }

  private static String address() {
    return ((HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest())
        .getRemoteAddr();
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
