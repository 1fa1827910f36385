package com.consultchat.web.messaging.boundary;

import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.messaging.control.QuietPolls;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Hands the beans {@link QuietPollHandler} needs to it through the servlet context: Undertow makes
 * the handler before CDI is there to inject it. Until this ran, every poll takes the full stack.
 */
@WebListener
public class QuietPollSetup implements ServletContextListener {

  @Inject QuietPolls polls;
  @Inject Settings settings;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    event
        .getServletContext()
        .setAttribute(QuietPollHandler.BEANS, new QuietPollHandler.Beans(polls, settings));
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    event.getServletContext().removeAttribute(QuietPollHandler.BEANS);
  }
}
