package com.consultchat.web.attachment.boundary;

import com.consultchat.attachment.boundary.Attachments;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The server's request size limit, per request. Undertow refuses a declared length over its
 * listener's limit before any application code runs, so the listener's is a ceiling (1 GiB, the
 * largest CONSULTCHAT_ATTACHMENT_MAX_MB allows, set in the server configuration) and this filter
 * lowers it before anything reads a body: an upload may carry the application's own limit (with a
 * little room, so the application refuses first with its own message), everything else the 10 MB
 * that was the server's default.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestSizeFilter extends HttpFilter {

  static final long OTHER_REQUESTS = 10L * 1024 * 1024;

  /** The application counts an upload's bytes and refuses at its limit; the server cuts after. */
  static final long ROOM = 64 * 1024;

  @Inject Attachments attachments;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServerExchange exchange = ServletRequestContext.requireCurrent().getExchange();
    if (exchange.isRequestChannelAvailable()) {
      exchange.setMaxEntitySize(upload(request) ? attachments.maxBytes() + ROOM : OTHER_REQUESTS);
    }
    chain.doFilter(request, response);
  }

  private static boolean upload(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && "/api".equals(request.getServletPath())
        && "/files".equals(request.getPathInfo());
  }
}
