package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.KeyDerivationBusy;
import com.consultchat.account.boundary.LoginOutcome;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.messaging.boundary.SocketSessionListener;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.Pages;
import com.consultchat.web.platform.boundary.PasswordChangeFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The login form. A wrong username and a wrong password get the same answer; so do throttled
 * attempts for either.
 */
@Named
@RequestScoped
public class LoginView {

  static final String WRONG_CREDENTIALS = "Wrong username or password.";

  @Inject SecurityContext securityContext;
  @Inject Accounts accounts;
  @Inject Settings settings;

  private String username;
  private String password;

  public void login() throws IOException {
    if (authenticate(username, password)) {
      redirectHome();
    } else if (!FacesContext.getCurrentInstance().getResponseComplete()) {
      Feedback.error(refusal());
    }
  }

  /**
   * Why the attempt of this request was refused; the same for a username with or without account.
   */
  static String refusal() {
    Object outcome =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestMap()
            .get(AccountIdentityStore.OUTCOME);
    if (!(outcome instanceof LoginOutcome refused)) {
      return WRONG_CREDENTIALS;
    }
    return switch (refused.result()) {
      case WAIT ->
          "Too many failed logins. Please wait "
              + seconds(refused.retryAfter())
              + " before trying again.";
      case LOCKED ->
          "Too many failed logins: logging in is locked for "
              + minutes(Duration.between(Instant.now(), refused.lockedUntil()))
              + ". An administrator can unlock it sooner.";
      case BUSY -> KeyDerivationBusy.MESSAGE;
      default -> WRONG_CREDENTIALS;
    };
  }

  private static String seconds(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return seconds == 1 ? "1 second" : seconds + " seconds";
  }

  private static String minutes(Duration left) {
    long minutes = Math.max(1, (left.getSeconds() + 59) / 60);
    return minutes == 1 ? "1 more minute" : minutes + " more minutes";
  }

  /**
   * Authenticates this request and marks the session when the password must be replaced. Returns
   * whether the person is now logged in.
   */
  boolean authenticate(String username, String password) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username, new Password(nullToEmpty(password)))));
    if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
      return false;
    }
    if (status != AuthenticationStatus.SUCCESS) {
      return false;
    }
    // A new session id after login defeats session fixation.
    request.changeSessionId();
    Caller caller = ((LoginOutcome) request.getAttribute(AccountIdentityStore.OUTCOME)).caller();
    request.getSession().setAttribute(SocketSessionListener.ACCOUNT_ID, caller.id());
    IdleLogoffFilter.loggedIn(request.getSession(), settings);
    if (accounts.passwordChangeRequired(caller)) {
      request.getSession().setAttribute(PasswordChangeFilter.MARK, Boolean.TRUE);
    }
    return true;
  }

  static void redirectHome() throws IOException {
    Pages.redirect("/index.xhtml");
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
