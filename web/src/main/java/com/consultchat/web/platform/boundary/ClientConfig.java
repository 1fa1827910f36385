package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;

/** The settings the browser client needs, written into every page by the template. */
@Named
@ApplicationScoped
public class ClientConfig {

  @Inject Settings settings;

  public int getPollIntervalSeconds() {
    return settings.pollIntervalSeconds();
  }

  public boolean isForcePolling() {
    return settings.forcePolling();
  }

  /** Minutes without activity before the automatic logoff; the page warns a minute before. */
  public int getIdleLogoffMinutes() {
    return settings.idleLogoffMinutes();
  }

  /**
   * The session timeout in minutes (0: never), so the page can tell an automatic logoff for
   * inactivity from a session lost while its person was there.
   */
  public int getSessionMinutes() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    // Asked without creating a session: an error page shown to a visitor needs none.
    HttpSession session = (HttpSession) external.getSession(false);
    int seconds =
        session != null
            ? session.getMaxInactiveInterval()
            : ((ServletContext) external.getContext()).getSessionTimeout() * 60;
    return seconds <= 0 ? 0 : Math.max(1, seconds / 60);
  }
}
