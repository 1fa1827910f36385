package com.consultchat.web.messaging.boundary;

import com.consultchat.platform.boundary.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers a socket handshake from a foreign page with 403. The endpoint's own origin check refuses
 * it too, but Undertow then lets the request fall through to a 404, which hides the reason.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class OriginFilter extends HttpFilter {

  @Inject Settings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!ChatSocketConfigurator.allowed(request.getHeader("Origin"), settings)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "This page may not open a chat socket.");
      return;
    }
    chain.doFilter(request, response);
  }
}
