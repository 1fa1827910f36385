package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Refuses requests another site's page makes on a logged-in person's behalf: every API call (a
 * transcript download writes an audit row, a posted frame writes a message) and every form post.
 * Browsers say where a request comes from in {@code Sec-Fetch-Site}; older ones only in {@code
 * Origin}. A request with neither is not a cross-site browser request and passes.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CrossSiteFilter extends HttpFilter {

  /** {@code none}: typed in, a bookmark, or opened from outside any page. */
  private static final Set<String> OWN = Set.of("same-origin", "none");

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private static final String REFUSAL =
      Problems.body(Refused.forbidden("Requests from other sites are not accepted."));

  @Inject Settings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean api = "/api".equals(request.getServletPath());
    if ((api || !SAFE_METHODS.contains(request.getMethod())) && crossSite(request)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setHeader("Cache-Control", "no-store");
      if (api) {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(REFUSAL);
      } else {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
      }
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean crossSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return !OWN.contains(site);
    }
    String origin = request.getHeader("Origin");
    return origin != null
        && !origin.equals(ownOrigin(request))
        && !settings.allowedOrigins().contains(origin);
  }

  /** The origin this request was addressed to, as a browser on this server's page would send it. */
  static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
  }
}
