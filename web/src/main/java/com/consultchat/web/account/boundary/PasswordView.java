package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.KeyDerivationBusy;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.RequiredStepFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

@Named
@RequestScoped
public class PasswordView {

  @Inject Accounts accounts;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private String current;
  private String replacement;
  private String confirmation;

  public boolean isRequired() {
    HttpSession session =
        (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
    return RequiredStepFilter.Step.PASSWORD.pending(session);
  }

  public void change() throws IOException {
    if (replacement == null || !replacement.equals(confirmation)) {
      Feedback.error(text.format("password.mismatch"));
      return;
    }
    try {
      accounts.changePassword(currentUser.caller(), current, replacement);
      RequiredStepFilter.Step.PASSWORD.done(
          FacesContext.getCurrentInstance().getExternalContext().getSessionMap());
      Feedback.info(text.format("password.changed"));
      LoginView.redirectHome();
    } catch (Refused refused) {
      Feedback.refused(PasswordHints.in(refused, text));
    } catch (KeyDerivationBusy busy) {
      Feedback.error(text.format("login.busy"));
    }
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getReplacement() {
    return replacement;
  }

  public void setReplacement(String replacement) {
    this.replacement = replacement;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
