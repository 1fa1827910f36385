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
    if (session != null) {
      sessionEnds.end(session, false, request.getRemoteAddr());
    }
    Pages.redirect("/login.xhtml?loggedOut=true");
  }
}
