package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Refused;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one gate for a required password change: someone who logged in with a one-time or
 * administrator-set password reaches nothing but the page that replaces it — no other page, no
 * socket, no API. The login page marks the session; changing the password clears the mark. Pages
 * redirect to the password page; sockets and the API, which a browser does not follow to a page,
 * are refused with 403 and a JSON error.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PasswordChangeFilter extends HttpFilter {

  public static final String MARK = "consultchat.mustChangePassword";
  static final String PASSWORD_PAGE = "/account/password.xhtml";

  /**
   * What the password page itself needs: its scripts, styles, the pages around a login, and the
   * automatic logoff's reports, which end or keep the session but read and write nothing else.
   */
  private static final List<String> OPEN_PREFIXES =
      List.of("/jakarta.faces.resource/", "/js/", "/resources/", "/api/session/");

  private static final List<String> OPEN_PAGES =
      List.of(PASSWORD_PAGE, "/login.xhtml", "/error.xhtml", "/expired.xhtml");

  private static final String REFUSAL =
      Problems.body(
          Refused.forbidden("Replace your one-time password on the password page first."));

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    boolean marked = session != null && session.getAttribute(MARK) != null;
    String path = path(request);
    if (!marked || open(path)) {
      chain.doFilter(request, response);
      return;
    }
    if (path.startsWith("/api/") || path.startsWith("/ws/")) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(REFUSAL);
      return;
    }
    response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
  }

  private static boolean open(String path) {
    return OPEN_PAGES.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
  }

  /**
   * The canonical path inside the application, as the container matched it: servlet path and path
   * info, never the raw URI, in which {@code /js/../api/frames} would pass for a script.
   */
  private static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return info == null ? request.getServletPath() : request.getServletPath() + info;
  }
}
