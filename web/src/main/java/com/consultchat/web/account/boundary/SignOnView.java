package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.SingleSignOn;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Single sign-on through the site's identity provider: the login page's button, and the page the
 * sign-on module sends the browser to with its one-time ticket, which logs the person in here.
 */
@Named
@RequestScoped
public class SignOnView {

  /** Marks a session that began at the provider, so that logging out ends the provider's too. */
  static final String THROUGH_PROVIDER = "consultchat.throughProvider";

  /** Where the sign-on module leaves the ticket (SignOnServlet in the sso module). */
  static final String TICKET_COOKIE = "CONSULTCHAT_SIGN_ON";

  /** The sign-on module's address below this application's. */
  static final String MODULE = "/sso";

  @Inject SingleSignOn singleSignOn;
  @Inject Settings settings;
  @Inject LoginView login;
  @Inject PageText text;

  public boolean isOffered() {
    return singleSignOn.offered();
  }

  /** "Log in with …", with the provider's name when the site gave one. */
  public String getButtonLabel() {
    Optional<String> name = settings.signOnName();
    return name.isPresent()
        ? text.format("login.sign-on.named", name.get())
        : text.format("login.sign-on");
  }

  /**
   * Redeems the ticket the sign-on module left in a cookie for this page; a spent, late or missing
   * one sends the person back to the login page to try again.
   */
  public void arrive() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String ticket =
        external.getRequestCookieMap().get(TICKET_COOKIE) instanceof Cookie cookie
            ? cookie.getValue()
            : "";
    external.addResponseCookie(
        TICKET_COOKIE,
        "",
        Map.of("path", external.getRequestContextPath(), "maxAge", 0, "httpOnly", true));
    if (login.authenticate(new SignOnCredential(ticket), false)) {
      request.getSession().setAttribute(THROUGH_PROVIDER, Boolean.TRUE);
      LoginView.redirectHome();
    } else if (!FacesContext.getCurrentInstance().getResponseComplete()) {
      Pages.redirect("/login.xhtml?signOn=failed");
    }
  }

  /** Whether the person logged in at the provider, whose password and second factor are theirs. */
  public boolean isThroughProvider() {
    return throughProvider(
        (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false));
  }

  /** Whether this session's login came from the provider. */
  static boolean throughProvider(HttpSession session) {
    return session != null && Boolean.TRUE.equals(session.getAttribute(THROUGH_PROVIDER));
  }
}
