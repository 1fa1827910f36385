package com.consultchat.web.account.boundary;

import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/** The second step of a login: the code from the authenticator app, or a recovery code. */
@Named
@RequestScoped
public class LoginCodeView {

  @Inject LoginView login;

  private String code;

  /** Without a password checked a moment ago there is nothing to finish: back to the login. */
  public void requirePending() throws IOException {
    if (pending().isEmpty()) {
      Pages.redirect("/login.xhtml?codeExpired=true");
    }
  }

  public void verify() throws IOException {
    Optional<PendingLogin> pending = pending();
    if (pending.isEmpty()) {
      Pages.redirect("/login.xhtml?codeExpired=true");
      return;
    }
    if (login.authenticate(new SecondStepCredential(pending.get().accountId(), code))) {
      LoginView.redirectHome();
    } else if (!FacesContext.getCurrentInstance().getResponseComplete()) {
      Feedback.error(login.refusal("login.wrong-code"));
    }
  }

  private static Optional<PendingLogin> pending() {
    return PendingLogin.of(
        (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false));
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
