package com.consultchat.web.messaging.boundary;

import com.consultchat.web.messaging.control.Disconnects;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Sockets must not outlive the login that opened them: logout and session timeout close them. */
@WebListener
public class SocketSessionListener implements HttpSessionListener {

  /** Set at login; read here, when the session ends by logout or timeout. */
  public static final String ACCOUNT_ID = "consultchat.accountId";

  @Inject Disconnects disconnects;

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    if (event.getSession().getAttribute(ACCOUNT_ID) instanceof Long accountId) {
      disconnects.ofAccount(accountId);
    }
  }
}
