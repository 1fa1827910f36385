package com.consultchat.web.messaging.boundary;

import com.consultchat.web.messaging.control.Disconnects;
import com.consultchat.web.messaging.control.LoginEnds;
import com.consultchat.web.messaging.control.PollSessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Sockets must not outlive the login that opened them: logout and session timeout close them, and
 * the session's quiet polls are no longer answered early ({@link PollSessions}). Logged in sessions
 * are known by person, so that an administrator's disable ends them ({@link LoginEnds}).
 */
@WebListener
public class SocketSessionListener
    implements HttpSessionListener, HttpSessionAttributeListener, HttpSessionIdListener {

  /** Set at login; read here, when the session ends by logout or timeout. */
  public static final String ACCOUNT_ID = "consultchat.accountId";

  /** When the person logged in (epoch milliseconds); logins ended after it end this session. */
  public static final String LOGGED_IN_AT = "consultchat.loggedInAt";

  @Inject Disconnects disconnects;
  @Inject LoginEnds loginEnds;
  @Inject PollSessions pollSessions;

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    if (event.getSession().getAttribute(ACCOUNT_ID) instanceof Long accountId) {
      loginEnds.untrack(accountId, event.getSession().getId());
      pollSessions.ended(event.getSession().getId());
      if (!LoginEnds.endedHere(event.getSession())) {
        disconnects.sessionEnded(accountId);
      }
    }
  }

  @Override
  public void attributeAdded(HttpSessionBindingEvent event) {
    if (ACCOUNT_ID.equals(event.getName()) && event.getValue() instanceof Long accountId) {
      loginEnds.track(accountId, event.getSession());
    }
  }

  @Override
  public void attributeReplaced(HttpSessionBindingEvent event) {
    // The old value is in the event; the session now belongs to someone else.
    if (ACCOUNT_ID.equals(event.getName()) && event.getValue() instanceof Long before) {
      loginEnds.untrack(before, event.getSession().getId());
      if (event.getSession().getAttribute(ACCOUNT_ID) instanceof Long now) {
        loginEnds.track(now, event.getSession());
      }
    }
  }

  @Override
  public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
    if (event.getSession().getAttribute(ACCOUNT_ID) instanceof Long accountId) {
      loginEnds.renamed(accountId, oldSessionId, event.getSession().getId());
    }
  }
}
