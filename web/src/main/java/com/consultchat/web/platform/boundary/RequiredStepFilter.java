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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one gate for what must be done right after login: replacing a one-time or administrator-set
 * password, then setting up a second factor where the clinic requires one. Until then the person
 * reaches nothing but that step's page — no other page, no socket, no API. The login marks the
 * session; finishing the step clears the mark. Pages redirect to the step's page; sockets and the
 * API, which a browser does not follow to a page, are refused with 403 and a JSON error.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequiredStepFilter extends HttpFilter {

  /** The steps, in the order they are asked for. */
  public enum Step {
    PASSWORD(
        "consultchat.mustChangePassword",
        "/account/password.xhtml",
        "Replace your one-time password on the password page first."),
    SECOND_FACTOR(
        "consultchat.mustSetUpSecondFactor",
        "/account/two-step.xhtml",
        "Set up two-step login on its page first.");

    private final String mark;
    private final String page;
    private final String refusal;

    Step(String mark, String page, String refusal) {
      this.mark = mark;
      this.page = page;
      this.refusal = Problems.body(Refused.forbidden(refusal));
    }

    /** Whether this session still has the step to do. */
    public boolean pending(HttpSession session) {
      return session != null && session.getAttribute(mark) != null;
    }

    public void require(HttpSession session) {
      session.setAttribute(mark, Boolean.TRUE);
    }

    /** The step is done; {@code session} is the session's attribute map. */
    public void done(Map<String, Object> session) {
      session.remove(mark);
    }
  }

  /**
   * What every step's page needs: its scripts, styles, the pages around a login, the automatic
   * logoff's reports, which end or keep the session but read and write nothing else, and the
   * installable app's worker, manifest, icons and offline page, which hold no one's data.
   */
  private static final List<String> OPEN_PREFIXES =
      List.of("/jakarta.faces.resource/", "/js/", "/resources/", "/api/session/", "/icons/");

  private static final List<String> OPEN_PAGES =
      List.of(
          "/login.xhtml",
          "/error.xhtml",
          "/expired.xhtml",
          "/offline.xhtml",
          "/sw.js",
          "/manifest.webmanifest");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    Optional<Step> step = Arrays.stream(Step.values()).filter(s -> s.pending(session)).findFirst();
    String path = path(request);
    if (step.isEmpty() || open(path, step.get())) {
      chain.doFilter(request, response);
      return;
    }
    if (path.startsWith("/api/") || path.startsWith("/ws/")) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(step.get().refusal);
      return;
    }
    response.sendRedirect(request.getContextPath() + step.get().page);
  }

  private static boolean open(String path, Step step) {
    return step.page.equals(path)
        || OPEN_PAGES.contains(path)
        || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
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
