package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the session cookie Secure when the deployment says it is served over HTTPS. A setting
 * rather than the request's scheme: behind a proxy that terminates TLS the server sees plain HTTP.
 * (SameSite=Lax comes from WEB-INF/undertow-handlers.conf: Undertow ignores web.xml's attribute.)
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  @Inject Settings settings;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (settings.https()) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
    }
  }
}
