package com.consultchat.web.account.boundary;

import com.consultchat.web.account.control.SessionEnds;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * A login whose session times out without another request (the browser was closed) is logged off
 * automatically too, and the audit trail says so; logouts and logoffs at a request are recorded
 * where they happen ({@link SessionEnds}).
 */
@WebListener
public class SessionTimeoutListener implements HttpSessionListener {

  @Inject SessionEnds sessionEnds;

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    sessionEnds.destroyed(event.getSession(), System.currentTimeMillis());
  }
}
