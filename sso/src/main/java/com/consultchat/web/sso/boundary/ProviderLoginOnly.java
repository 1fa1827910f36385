package com.consultchat.web.sso.boundary;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Keeps this module's login the provider's. The chat's form login is a Jakarta Security mechanism,
 * and WildFly's Jakarta Security registers the mechanisms it finds in the whole EAR for every web
 * module of it, this one included, where it would take precedence over the OpenID Connect login and
 * send people to a form page this module does not have. Listeners start after that registration, so
 * this one withdraws it for this module alone.
 */
@WebListener
public class ProviderLoginOnly implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    AuthConfigFactory factory = AuthConfigFactory.getFactory();
    if (factory != null) {
      factory.removeServerAuthModule(event.getServletContext());
    }
  }
}
