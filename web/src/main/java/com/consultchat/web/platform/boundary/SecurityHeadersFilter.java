package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

/** The browser-side protections every response carries. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  private static final String CSP = "Content-Security-Policy";

  /** Two years, the preload list's expectation. */
  private static final String HSTS = "max-age=63072000; includeSubDomains";

  @Inject Settings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse answer = response;
    List<String> widgetOrigins = settings.widgetOrigins();
    if (!isPage(request)) {
      response.setHeader(CSP, ContentPolicy.of(request, settings.https(), widgetOrigins));
      answer = new ErrorsWithoutPolicy(response);
    }
    everyAnswer(response::setHeader, settings.https());
    if (!ContentPolicy.framable(request, widgetOrigins)) {
      // For browsers that predate frame-ancestors; it cannot name the widget's sites, so it is
      // left out where they may frame the page, and the policy decides.
      response.setHeader("X-Frame-Options", "DENY");
    }
    if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
      // Pages show health information: no shared or back-button caches.
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, answer);
  }

  /**
   * The headers of a data answer made before this filter runs (a quiet poll): JSON that no page may
   * frame, run or cache.
   */
  public static void dataAnswer(BiConsumer<String, String> header, boolean https) {
    everyAnswer(header, https);
    header.accept(CSP, "default-src 'none'; frame-ancestors 'none'");
    header.accept("X-Frame-Options", "DENY");
    header.accept("Cache-Control", "no-store");
  }

  private static void everyAnswer(BiConsumer<String, String> header, boolean https) {
    if (https) {
      header.accept("Strict-Transport-Security", HSTS);
    }
    header.accept("X-Content-Type-Options", "nosniff");
    header.accept("Referrer-Policy", "same-origin");
    header.accept("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()");
  }

  /** Faces pages, whose policy PrimeFaces sets with the nonce of its own scripts. */
  private static boolean isPage(HttpServletRequest request) {
    return request.getServletPath().endsWith(".xhtml")
        && !request.getRequestURI().contains("/jakarta.faces.resource/");
  }

  /**
   * An error answered with the error page is a Faces page too, whose policy PrimeFaces sets; the
   * filter's own would be a second policy without the page's nonce.
   */
  private static final class ErrorsWithoutPolicy extends HttpServletResponseWrapper {
    ErrorsWithoutPolicy(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      setHeader(CSP, null);
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      setHeader(CSP, null);
      super.sendError(status);
    }
  }
}
