package com.consultchat.web.account.boundary;

import com.consultchat.web.account.control.SessionEnds;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** Where a logged-in person starts, and how they leave. */
@Named
@RequestScoped
public class SessionView {

  @Inject CurrentUser currentUser;
  @Inject SessionEnds sessionEnds;

  /** Sends each person to the page of their work. */
  public void goHome() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.getFlash().setKeepMessages(true);
    Pages.redirect(getHomePage());
  }

  /** The person's first page, where the start address leads them. */
  public String getHomePage() {
    if (currentUser.isAdmin()) {
      return "/admin/accounts.xhtml";
    }
    return currentUser.isStaff() ? "/staff/queue.xhtml" : "/patient/home.xhtml";
  }

  /** Ending the session also closes the person's sockets (see the session listener). */
  public void logout() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    HttpSession session = request.getSession(false);
    boolean throughProvider = SignOnView.throughProvider(session);
    if (session != null) {
      sessionEnds.end(session, false, request.getRemoteAddr());
    }
    // A login that began at the site's provider ends there too, or the next visit would be logged
    // straight back in; the sign-on module does that and then comes back to the login page.
    Pages.redirect(throughProvider ? SignOnView.MODULE + "/logout" : "/login.xhtml?loggedOut=true");
  }
}
