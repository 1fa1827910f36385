package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.AccountStanding;
import com.consultchat.web.messaging.boundary.SocketSessionListener;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;

/**
 * Refuses a login that no longer counts: the account was disabled, or an administrator reset its
 * password or changed its role after the login was made. Checked on every request of a logged-in
 * session (pages, API, socket handshakes), so that a session on another node or one restored from a
 * session store ends too, not only those this node ended at once. The session ends; a page lands on
 * the login page saying why, the API and the socket get 401.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class StandingFilter extends HttpFilter {

  @Inject AccountStanding standing;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(SocketSessionListener.ACCOUNT_ID) instanceof Long account)) {
      chain.doFilter(request, response);
      return;
    }
    Instant loginAt =
        session.getAttribute(SocketSessionListener.LOGGED_IN_AT) instanceof Long at
            ? Instant.ofEpochMilli(at)
            : Instant.EPOCH;
    if (standing.admits(account, loginAt)) {
      chain.doFilter(request, response);
      return;
    }
    boolean disabled = !standing.admits(account, Instant.MAX);
    try {
      session.invalidate();
    } catch (IllegalStateException endedMeanwhile) {
      // The node ending this login invalidated it while this request read it: the same outcome.
    }
    String path = path(request);
    if (path.startsWith("/api/") || path.startsWith("/ws/")) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("Cache-Control", "no-store");
      return;
    }
    response.sendRedirect(
        request.getContextPath() + "/login.xhtml?" + (disabled ? "disabled" : "ended") + "=true");
  }

  private static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return info == null ? request.getServletPath() : request.getServletPath() + info;
  }
}
