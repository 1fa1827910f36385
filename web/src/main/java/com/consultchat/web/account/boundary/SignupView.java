package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.KeyDerivationBusy;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.platform.boundary.Feedback;
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

  private String username;
  private String displayName;
  private String password;
  private String confirmation;

  public void signUp() throws IOException {
    if (password == null || !password.equals(confirmation)) {
      Feedback.error("The two passwords are not the same.");
      return;
    }
    try {
      Caller patient = accounts.registerPatient(username, displayName, password);
      if (login.authenticate(patient.username(), password)) {
        LoginView.redirectHome();
      }
    } catch (Refused | KeyDerivationBusy refused) {
      Feedback.error(refused.getMessage());
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
