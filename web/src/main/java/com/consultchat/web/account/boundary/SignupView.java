package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.KeyDerivationBusy;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** Patients create their own account and are logged in straight away. */
@Named
@RequestScoped
public class SignupView {

  @Inject Accounts accounts;
  @Inject LoginView login;
  @Inject PageText text;

  private String username;
  private String displayName;
  private String password;
  private String confirmation;

  public void signUp() throws IOException {
    if (password == null || !password.equals(confirmation)) {
      Feedback.error(text.format("signup.mismatch"));
      return;
    }
    try {
      Caller patient = accounts.registerPatient(username, displayName, password);
      if (login.authenticate(patient.username(), password)) {
        LoginView.redirectHome();
      }
    } catch (Refused refused) {
      Feedback.refused(PasswordHints.in(refused, text));
    } catch (KeyDerivationBusy busy) {
      Feedback.error(text.format("login.busy"));
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
