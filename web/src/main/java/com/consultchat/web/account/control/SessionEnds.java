package com.consultchat.web.account.control;

import com.consultchat.account.boundary.Logins;
import com.consultchat.web.messaging.boundary.SocketSessionListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a logged-in session and records how in the audit trail: a logout, or an automatic logoff
 * after inactivity. The session is marked first, so the session listener, which records sessions
 * that simply time out, does not record this one a second time.
 */
@ApplicationScoped
public class SessionEnds {

  /** Set just before this class ends a session. */
  public static final String ENDED = "consultchat.ended";

  @Inject Logins logins;

  /** Records the ending (when the session was a login) and invalidates the session. */
  public void end(HttpSession session, boolean idle, String address) {
    try {
      if (session.getAttribute(SocketSessionListener.ACCOUNT_ID) instanceof Long accountId) {
        session.setAttribute(ENDED, Boolean.TRUE);
        logins.ended(accountId, idle, address);
      }
    } finally {
      // Logging off must not depend on the audit write: the person is out either way.
      session.invalidate();
    }
  }

  /**
   * Called as a session is destroyed: one that ended by timing out (nobody ended it here, and it
   * was unused for its whole timeout) is an automatic logoff too. Sessions destroyed for other
   * reasons (a server stopping, an administrator's action recorded elsewhere) are not.
   */
  public void destroyed(HttpSession session, long now) {
    if (session.getAttribute(ENDED) == null
        && session.getAttribute(SocketSessionListener.ACCOUNT_ID) instanceof Long accountId
        && timedOut(session.getLastAccessedTime(), session.getMaxInactiveInterval(), now)) {
      logins.ended(accountId, true, null);
    }
  }

  static boolean timedOut(long lastAccessed, int maxInactiveSeconds, long now) {
    return maxInactiveSeconds > 0 && now - lastAccessed >= maxInactiveSeconds * 1000L;
  }
}
