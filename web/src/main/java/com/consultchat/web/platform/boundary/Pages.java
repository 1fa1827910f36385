package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What pages do alike: redirect after a POST, so that reloading never repeats what was just done,
 * and answer 404 for an object the person may not see, so that not even its existence shows.
 */
public final class Pages {

  private Pages() {}

  /** Redirects to a page of this application, given from its root (e.g. "/index.xhtml"). */
  public static void redirect(String path) throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + path);
  }

  /** Ends the request with 404 and the refusal's message, in the page's language. */
  public static void notFound(Refused refused) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    String message = CDI.current().select(PageText.class).get().refusal(refused);
    faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, message);
    faces.responseComplete();
  }

  /** An id from a URL parameter; anything but a number is as unknown as a wrong number. */
  public static long id(String raw, String notFound) {
    try {
      return Long.parseLong(raw == null ? "" : raw.strip());
    } catch (NumberFormatException e) {
      throw Refused.notFound(notFound);
    }
  }

  /**
   * The query string of page {@code page} of a list, keeping the request's {@code kept} filters.
   */
  public static String pageLink(HttpServletRequest request, int page, List<String> kept) {
    StringBuilder link = new StringBuilder("?page=").append(page);
    for (String name : kept) {
      String value = request.getParameter(name);
      if (value != null && !value.isBlank()) {
        link.append('&').append(name).append('=');
        link.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return link.toString();
  }

  /** A whole number from a URL parameter (a page, a filter's id); anything but a number is 0. */
  public static int number(String raw) {
    try {
      return raw == null ? 0 : Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
