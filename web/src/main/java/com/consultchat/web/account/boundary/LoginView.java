package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.LoginOutcome;
import com.consultchat.account.boundary.SecondFactors;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.messaging.boundary.SocketSessionListener;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import com.consultchat.web.platform.boundary.RequiredStepFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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

  /** See {@link #forgetAttempt}. */
  private static final String CALLER_INITIATED =
      "org.glassfish.soteria.caller_initiated_authentication";

  @Inject SecurityContext securityContext;
  @Inject Accounts accounts;
  @Inject SecondFactors secondFactors;
  @Inject Settings settings;
  @Inject PageText text;

  private String username;
  private String password;

  public void login() throws IOException {
    if (authenticate(username, password)) {
      redirectHome();
    } else if (outcome() instanceof LoginOutcome half
        && half.result() == LoginOutcome.Result.CODE_NEEDED) {
      PendingLogin.begin(session(), half.caller().id());
      Pages.redirect(PendingLogin.PAGE);
    } else if (!FacesContext.getCurrentInstance().getResponseComplete()) {
      Feedback.error(refusal());
    }
  }

  private static Object outcome() {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestMap()
        .get(AccountIdentityStore.OUTCOME);
  }

  private static HttpSession session() {
    return (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true);
  }

  /**
   * Why the attempt of this request was refused; the same for a username with or without account.
   */
  String refusal() {
    return refusal("login.wrong");
  }

  /**
   * The same, with the text of {@code wrongKey} for a wrong password or code. A disabled account is
   * told only to someone who gave the right password.
   */
  String refusal(String wrongKey) {
    if (!(outcome() instanceof LoginOutcome refused)) {
      return text.format(wrongKey);
    }
    return switch (refused.result()) {
      case WAIT -> text.format("login.refused.wait", seconds(refused.retryAfter()));
      case LOCKED ->
          text.format(
              "login.refused.locked",
              minutes(Duration.between(Instant.now(), refused.lockedUntil())));
      case BUSY -> text.format("login.busy");
      case DISABLED -> text.format("login.refused.disabled");
      default -> text.format(wrongKey);
    };
  }

  private String seconds(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return seconds == 1
        ? text.format("login.refused.second")
        : text.format("login.refused.seconds", seconds);
  }

  private String minutes(Duration left) {
    long minutes = Math.max(1, (left.getSeconds() + 59) / 60);
    return minutes == 1
        ? text.format("login.refused.minute")
        : text.format("login.refused.minutes", minutes);
  }

  /**
   * Authenticates this request with a username and password; see {@link #authenticate(Credential)}.
   */
  boolean authenticate(String username, String password) {
    return authenticate(
        new UsernamePasswordCredential(
            username == null ? "" : username, new Password(nullToEmpty(password))));
  }

  /**
   * Authenticates this request with the credential and marks the session with the steps still to do
   * (a password to replace, a second factor to set up). Returns whether the person is now logged
   * in.
   */
  boolean authenticate(Credential credential) {
    return authenticate(credential, true);
  }

  /**
   * The same; {@code ownSteps} false for a login through the site's identity provider, whose
   * password and second factor are the provider's business.
   */
  boolean authenticate(Credential credential, boolean ownSteps) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams().newAuthentication(true).credential(credential));
    if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
      return false;
    }
    if (status != AuthenticationStatus.SUCCESS) {
      forgetAttempt(request);
      return false;
    }
    // A new session id after login defeats session fixation.
    request.changeSessionId();
    Caller caller = ((LoginOutcome) request.getAttribute(AccountIdentityStore.OUTCOME)).caller();
    request
        .getSession()
        .setAttribute(SocketSessionListener.LOGGED_IN_AT, System.currentTimeMillis());
    request.getSession().setAttribute(SocketSessionListener.ACCOUNT_ID, caller.id());
    IdleLogoffFilter.loggedIn(request.getSession(), settings);
    PendingLogin.end(request.getSession());
    if (ownSteps && accounts.passwordChangeRequired(caller)) {
      RequiredStepFilter.Step.PASSWORD.require(request.getSession());
    }
    if (ownSteps && secondFactors.setupRequired(caller)) {
      RequiredStepFilter.Step.SECOND_FACTOR.require(request.getSession());
    }
    return true;
  }

  /**
   * WildFly's Jakarta Security marks the session while a login it was asked for is under way and
   * clears the mark only on success; left after a failure, it makes every protected page answer
   * with an empty page instead of sending the person to the login.
   */
  private static void forgetAttempt(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(CALLER_INITIATED);
    }
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
