package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/** The browser-side protections every response carries. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  // PrimeFaces renders inline scripts and styles; everything else must come from this server.
  private static final String POLICY_BEFORE_CONNECT =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
          + "connect-src 'self' ";
  private static final String POLICY_AFTER_CONNECT =
      "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** A host as a URL may carry it; anything else in the Host header is left out of the policy. */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

  /** Two years, the preload list's expectation. */
  private static final String HSTS = "max-age=63072000; includeSubDomains";

  @Inject Settings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", policy(request));
    if (settings.https()) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()");
    if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
      // Pages show health information: no shared or back-button caches.
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }

  /**
   * Scripts may connect to this server only: {@code 'self'} and, since older browsers do not count
   * a socket to the same host as 'self', the socket address of the host the page was asked from.
   */
  String policy(HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host == null || !HOST.matcher(host).matches()) {
      return POLICY_BEFORE_CONNECT.strip() + POLICY_AFTER_CONNECT;
    }
    String scheme = settings.https() || request.isSecure() ? "wss://" : "ws://";
    return POLICY_BEFORE_CONNECT + scheme + host + POLICY_AFTER_CONNECT;
  }
}
