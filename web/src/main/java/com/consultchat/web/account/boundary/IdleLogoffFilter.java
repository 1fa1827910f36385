package com.consultchat.web.account.boundary;

import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.account.control.IdleRule;
import com.consultchat.web.account.control.SessionEnds;
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
import java.util.concurrent.TimeUnit;

/**
 * Automatic logoff after {@code CONSULTCHAT_IDLE_LOGOFF_MINUTES} without activity ({@link
 * IdleRule}). The container's own session timeout cannot tell: every poll and every page's
 * heartbeat refreshes it. Ending the session closes the person's sockets (see {@link
 * SocketSessionListener}); the page warns a minute before and lets the person stay.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class IdleLogoffFilter extends HttpFilter {

  static final String LAST_ACTIVE = "consultchat.lastActive";

  @Inject Settings settings;
  @Inject SessionEnds sessionEnds;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    if (session == null || session.getAttribute(SocketSessionListener.ACCOUNT_ID) == null) {
      chain.doFilter(request, response);
      return;
    }
    long now = System.currentTimeMillis();
    long idle = TimeUnit.MINUTES.toMillis(settings.idleLogoffMinutes());
    if (IdleRule.expired((Long) session.getAttribute(LAST_ACTIVE), now, idle)) {
      sessionEnds.end(session, true, request.getRemoteAddr());
      loggedOff(request, response);
      return;
    }
    String path = path(request);
    if (IdleRule.isActivity(path)) {
      session.setAttribute(LAST_ACTIVE, now);
    }
    chain.doFilter(request, response);
  }

  /** Marks the start of a fresh login's activity and sets the session's own timeout to match. */
  static void loggedIn(HttpSession session, Settings settings) {
    session.setAttribute(LAST_ACTIVE, System.currentTimeMillis());
    session.setMaxInactiveInterval((int) TimeUnit.MINUTES.toSeconds(settings.idleLogoffMinutes()));
  }

  private static void loggedOff(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = path(request);
    if (path.startsWith("/api/") || path.startsWith("/ws/")) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("Cache-Control", "no-store");
      return;
    }
    response.sendRedirect(request.getContextPath() + "/login.xhtml?expired=true");
  }

  private static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return info == null ? request.getServletPath() : request.getServletPath() + info;
  }
}
